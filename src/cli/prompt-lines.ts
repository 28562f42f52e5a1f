import { createInterface } from 'node:readline';

/**
 * Prompts answered a line at a time from stdin. Plain numbered prompts, so a pipe or a file
 * answers them as well as a person at a terminal (arrow-key menus are not built: see
 * docs/DECISIONS.md). `ask` resolves undefined when stdin has ended.
 */
export interface Prompter {
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

export function linePrompter(
  input: NodeJS.ReadableStream,
  write: (text: string) => void,
): Prompter {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question) {
      write(question);
      const next = await lines.next();
      if (next.done) return undefined;
      return next.value.trim();
    },
    close: () => rl.close(),
  };
}

/** Asks until the answer is one of 1…count (or empty, when `allowEmpty`); undefined at the end of input. */
export async function askChoice(
  prompter: Prompter,
  question: string,
  count: number,
  allowEmpty = false,
): Promise<number | undefined | 'none'> {
  for (;;) {
    const answer = await prompter.ask(question);
    if (answer === undefined) return undefined;
    if (answer === '' && allowEmpty) return 'none';
    const n = Number(answer);
    if (Number.isInteger(n) && n >= 1 && n <= count) return n;
  }
}
