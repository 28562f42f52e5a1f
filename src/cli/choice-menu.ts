import type { ChoiceQuestion } from './prompter.js';

/**
 * A choice offered as a menu on a terminal: up and down move the mark, Enter takes the marked
 * option, a digit takes that option at once (as the numbered prompt would), Esc skips a
 * question that may be skipped, Ctrl-C and Ctrl-D leave. Pure: keys in, state and lines out;
 * `key-prompter.ts` reads the keys and draws the lines.
 */
export interface MenuState {
  question: ChoiceQuestion;
  /** The marked row: an option's index, or `options.length` for "Skip". */
  marked: number;
  /** Set once a key ends the menu. */
  outcome?: { kind: 'chosen'; index: number } | { kind: 'skipped' } | { kind: 'left' };
}

/** A key as node:readline's `keypress` event names it. */
export interface Key {
  name?: string | undefined;
  sequence?: string | undefined;
  ctrl?: boolean | undefined;
}

export const SKIP_LABEL = 'Skip';

export const openMenu = (question: ChoiceQuestion): MenuState => ({ question, marked: 0 });

/** Rows of the menu: the options, and "Skip" when the question may be skipped. */
const rowCount = (state: MenuState): number =>
  state.question.options.length + (state.question.skippable ? 1 : 0);

const takeRow = (state: MenuState, row: number): MenuState => ({
  ...state,
  marked: row,
  outcome:
    row < state.question.options.length ? { kind: 'chosen', index: row } : { kind: 'skipped' },
});

/** The state after one key; a menu that has ended stays as it is. */
export function pressKey(state: MenuState, key: Key): MenuState {
  if (state.outcome) return state;
  const rows = rowCount(state);
  if (key.ctrl && (key.name === 'c' || key.name === 'd'))
    return { ...state, outcome: { kind: 'left' } };
  switch (key.name) {
    case 'up':
    case 'k':
      return { ...state, marked: (state.marked + rows - 1) % rows };
    case 'down':
    case 'j':
    case 'tab':
      return { ...state, marked: (state.marked + 1) % rows };
    case 'home':
      return { ...state, marked: 0 };
    case 'end':
      return { ...state, marked: rows - 1 };
    case 'return':
    case 'enter':
      return takeRow(state, state.marked);
    case 'escape':
      return state.question.skippable ? { ...state, outcome: { kind: 'skipped' } } : state;
  }
  const digit =
    key.sequence !== undefined && /^[1-9]$/.test(key.sequence) ? Number(key.sequence) : 0;
  if (digit >= 1 && digit <= state.question.options.length) return takeRow(state, digit - 1);
  return state;
}

/**
 * The menu as lines: the question, one row per option (numbered, the marked one with `>`,
 * so it reads without colour), and how to answer.
 */
export function menuLines(state: MenuState): string[] {
  const { question } = state;
  const labels = [...question.options, ...(question.skippable ? [SKIP_LABEL] : [])];
  const rows = labels.map((label, row) => {
    const number = row < question.options.length ? `${row + 1}. ` : '   ';
    return `${row === state.marked ? '>' : ' '} ${number}${label}`;
  });
  const skip = question.skippable ? ', Esc to skip' : '';
  return [question.title, ...rows, `  (up/down and Enter, or the number${skip})`];
}

/** What stays on the screen once the menu has ended: the question and its answer. */
export function answeredLine(state: MenuState): string {
  const outcome = state.outcome;
  const answer =
    outcome?.kind === 'chosen'
      ? state.question.options[outcome.index]
      : outcome?.kind === 'skipped'
        ? '(skipped)'
        : '(left)';
  return `${state.question.title} ${answer ?? ''}`;
}
