import { describe, expect, it } from 'vitest';
import {
  answeredLine,
  menuLines,
  openMenu,
  pressKey,
  type Key,
  type MenuState,
} from './choice-menu.js';
import type { ChoiceQuestion } from './prompter.js';

const WORKED: ChoiceQuestion = {
  title: 'Did it work?',
  options: ['Fixed it', 'Still failing', "I couldn't do this step"],
};
const WHY: ChoiceQuestion = {
  title: 'Why?',
  options: ['No administrator rights', 'Other'],
  skippable: true,
};

const key = (name: string, extra: Partial<Key> = {}): Key => ({ name, sequence: name, ...extra });
const press = (state: MenuState, ...keys: Key[]): MenuState => keys.reduce(pressKey, state);

describe('the choice menu', () => {
  it('opens with the first option marked, numbered, and says how to answer', () => {
    expect(menuLines(openMenu(WORKED))).toEqual([
      'Did it work?',
      '> 1. Fixed it',
      '  2. Still failing',
      "  3. I couldn't do this step",
      '  (up/down and Enter, or the number)',
    ]);
  });

  it('moves the mark with down and up, wrapping at both ends, and Enter takes the marked option', () => {
    const state = press(openMenu(WORKED), key('down'), key('down'), key('down'), key('up'));
    expect(state.marked).toBe(2);
    expect(state.outcome).toBeUndefined();
    expect(menuLines(state)[3]).toBe("> 3. I couldn't do this step");
    const chosen = pressKey(state, key('return'));
    expect(chosen.outcome).toEqual({ kind: 'chosen', index: 2 });
    expect(answeredLine(chosen)).toBe("Did it work? I couldn't do this step");
  });

  it('takes an option by its digit at once, and ignores digits it does not have', () => {
    expect(pressKey(openMenu(WORKED), key('2')).outcome).toEqual({ kind: 'chosen', index: 1 });
    const ignored = press(openMenu(WORKED), key('4'), key('0'), key('x'));
    expect(ignored).toEqual(openMenu(WORKED));
  });

  it('Home and End jump to the first and the last row', () => {
    expect(press(openMenu(WORKED), key('end')).marked).toBe(2);
    expect(press(openMenu(WORKED), key('end'), key('home')).marked).toBe(0);
  });

  it('offers Skip on a question that may be skipped, by its row or by Esc', () => {
    expect(menuLines(openMenu(WHY))).toContain('     Skip');
    expect(press(openMenu(WHY), key('up'), key('enter')).outcome).toEqual({ kind: 'skipped' });
    const escaped = pressKey(openMenu(WHY), key('escape'));
    expect(escaped.outcome).toEqual({ kind: 'skipped' });
    expect(answeredLine(escaped)).toBe('Why? (skipped)');
    expect(pressKey(openMenu(WORKED), key('escape')).outcome).toBeUndefined();
  });

  it('is left with Ctrl-C or Ctrl-D, and an ended menu takes no more keys', () => {
    for (const name of ['c', 'd']) {
      const left = pressKey(openMenu(WORKED), key(name, { ctrl: true }));
      expect(left.outcome).toEqual({ kind: 'left' });
      expect(pressKey(left, key('1'))).toBe(left);
    }
  });
});
