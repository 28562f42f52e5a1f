/**
 * How a command asks a person something. Two kinds of question: a choice among a few options
 * and a line of free text. A pipe answers them as numbered prompts (`prompt-lines.ts`); a
 * terminal offers the choices as a menu picked with the arrow keys (`key-prompter.ts`).
 */
export interface ChoiceQuestion {
  /** "Did it work?" */
  title: string;
  options: readonly string[];
  /** Enter alone (numbered prompt) or "Skip" (menu) is an answer too. */
  skippable?: boolean;
  /** Long options one to a line (the platforms); otherwise they fit on the prompt's line. */
  listed?: boolean;
}

/** The option chosen (its index), a skipped question, or `undefined`: the input has ended. */
export type ChoiceAnswer = number | 'skip' | undefined;

export interface Prompter {
  choose(question: ChoiceQuestion): Promise<ChoiceAnswer>;
  /** A line of text, trimmed; `undefined` when the input has ended. */
  ask(question: string): Promise<string | undefined>;
  close(): void;
}
