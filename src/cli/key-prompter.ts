import { emitKeypressEvents } from 'node:readline';
import { answeredLine, menuLines, openMenu, pressKey, type Key } from './choice-menu.js';
import type { Keyboard } from './cli-io.js';
import type { ChoiceAnswer, Prompter } from './prompter.js';
import type { TerminalOutput } from './terminal-output.js';

type Event = { text: string | undefined; key: Key } | 'end';

/**
 * The Prompter of a terminal: choices are menus picked with the arrow keys (`choice-menu.ts`),
 * read in raw mode one key at a time; a line of text is read in the terminal's own line mode,
 * so it echoes and edits (backspace, paste) as everywhere else. One `keypress` listener serves
 * both, so no key is lost between questions.
 */
export function keyPrompter(
  input: NodeJS.ReadableStream,
  keyboard: Keyboard,
  print: TerminalOutput,
): Prompter {
  emitKeypressEvents(input);
  const queue: Event[] = [];
  let wake: (() => void) | undefined;
  const push = (event: Event) => {
    queue.push(event);
    wake?.();
  };
  const onKey = (text: string | undefined, key: Key | undefined) =>
    push({ text, key: key ?? { sequence: text } });
  const onEnd = () => push('end');
  input.on('keypress', onKey);
  input.on('end', onEnd);

  const next = async (): Promise<Event> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    const event = queue[0]!;
    // The end stays queued: every later question sees it too.
    if (event !== 'end') queue.shift();
    return event;
  };

  return {
    async choose(question): Promise<ChoiceAnswer> {
      keyboard.setRawMode(true);
      try {
        let state = openMenu(question);
        let drawn = menuLines(state);
        print.redraw(drawn, 0);
        while (!state.outcome) {
          const event = await next();
          const after =
            event === 'end'
              ? { ...state, outcome: { kind: 'left' as const } }
              : pressKey(state, event.key);
          if (after === state) continue;
          state = after;
          const lines = state.outcome ? [answeredLine(state)] : menuLines(state);
          print.redraw(lines, drawn.length);
          drawn = lines;
        }
        const { outcome } = state;
        return outcome.kind === 'chosen'
          ? outcome.index
          : outcome.kind === 'skipped'
            ? 'skip'
            : undefined;
      } finally {
        keyboard.setRawMode(false);
      }
    },
    async ask(question) {
      print.prompt(question);
      let line = '';
      for (;;) {
        const event = await next();
        if (event === 'end') return undefined;
        const { key, text } = event;
        if (key.name === 'return' || key.name === 'enter') return line.trim();
        // Keys that are not text (arrows, function keys) are the terminal's, not the answer's.
        // eslint-disable-next-line no-control-regex -- control characters are what is left out
        if (text !== undefined && !key.ctrl && !/[\x00-\x1f\x7f]/.test(text)) line += text;
      }
    },
    close() {
      input.off('keypress', onKey);
      input.off('end', onEnd);
      keyboard.setRawMode(false);
      input.pause();
    },
  };
}
