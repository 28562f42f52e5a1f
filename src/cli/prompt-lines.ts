import { createInterface } from 'node:readline';
import type { ChoiceAnswer, ChoiceQuestion, Prompter } from './prompter.js';
import type { TerminalOutput } from './terminal-output.js';

/**
 * Prompts answered a line at a time from stdin: plain numbered prompts, so a pipe or a file
 * answers them as well as a person (what `erratlas fix` uses when stdin or stdout is not a
 * terminal). An answer that is not one of the numbers asks again.
 */
export function linePrompter(input: NodeJS.ReadableStream, print: TerminalOutput): Prompter {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string | undefined> => {
    print.prompt(question);
    const next = await lines.next();
    if (next.done) return undefined;
    return next.value.trim();
  };
  return {
    ask,
    async choose(question) {
      const prompt = numberedPrompt(question);
      if (question.listed) print.out(question.title, ...numbered(question.options));
      return readChoice(await ask(prompt), question, async () => ask(prompt));
    },
    close: () => rl.close(),
  };
}

const numbered = (options: readonly string[]): string[] =>
  options.map((option, i) => `  ${i + 1}. ${option}`);

/** "Did it work?  1. Fixed it  2. Still failing: ", or "Number (1-4): " under a listed question. */
export function numberedPrompt(question: ChoiceQuestion): string {
  const skip = question.skippable ? '  (Enter to skip)' : '';
  if (question.listed) return `Number (1-${question.options.length})${skip}: `;
  const inline = question.options.map((option, i) => `${i + 1}. ${option}`).join('  ');
  return `${question.title}  ${inline}${skip}: `;
}

/** Reads answers until one is a number of the question (or empty, when it may be skipped). */
async function readChoice(
  first: string | undefined,
  question: ChoiceQuestion,
  again: () => Promise<string | undefined>,
): Promise<ChoiceAnswer> {
  for (let answer = first; ; answer = await again()) {
    if (answer === undefined) return undefined;
    if (answer === '' && question.skippable) return 'skip';
    const n = Number(answer);
    if (Number.isInteger(n) && n >= 1 && n <= question.options.length) return n - 1;
  }
}
