import type { CliIo } from './cli-io.js';
import { escapeLine, terminalJson } from './terminal-text.js';

/**
 * The one way commands print. Text is given as lines; every control character inside a line
 * (from a file, an argument, a stored article) is shown escaped, and only the newlines
 * between lines are the CLI's own.
 */
export interface TerminalOutput {
  out(...lines: readonly string[]): void;
  err(...lines: readonly string[]): void;
  /** A question on stdout, its answer typed on the same line (no newline after it). */
  prompt(question: string): void;
  /**
   * Lines on stdout drawn over the `replacing` lines drawn last (a menu on a terminal): the
   * cursor goes up that many lines and what is below it is erased first. Those cursor
   * sequences are the CLI's own; the lines are escaped like every line.
   */
  redraw(lines: readonly string[], replacing: number): void;
  /** A JSON document on stdout (what the API would answer). */
  json(value: unknown): void;
  /**
   * A generated script (fix or diagnostic) on stdout exactly as made, CRLF line ends kept.
   * Scripts are printable ASCII by construction; anything else is refused, never printed.
   */
  script(text: string): void;
  /**
   * One self-overwriting progress line on stderr, only when stderr is a terminal (nothing in
   * a pipe or a log file); `undefined` clears it. The text is escaped like every line; the
   * carriage return and erase-line sequence around it are the CLI's own.
   */
  status(line: string | undefined): void;
  /**
   * A stream onto stderr for a progress bar library (cli-progress), only when stderr is a
   * terminal; undefined otherwise. What is written goes out as is (cursor moves, erase-line):
   * the caller escapes the text it puts in it.
   */
  progressStream(): NodeJS.WritableStream | undefined;
}

const CLEAR_LINE = '\r\x1b[K';

const asText = (lines: readonly string[]): string =>
  lines.map((line) => `${escapeLine(line)}\n`).join('');

export function terminalOutput(io: CliIo): TerminalOutput {
  return {
    out: (...lines) => io.stdout(asText(lines)),
    err: (...lines) => io.stderr(asText(lines)),
    prompt: (question) => io.stdout(escapeLine(question)),
    redraw: (lines, replacing) =>
      io.stdout(`${replacing > 0 ? `\x1b[${replacing}A\r\x1b[J` : ''}${asText(lines)}`),
    json: (value) => io.stdout(`${terminalJson(value)}\n`),
    script: (text) => {
      if (!/^[\x20-\x7e\r\n]*$/.test(text))
        throw new Error('a generated script holds a character other than printable ASCII');
      io.stdout(text);
    },
    status: (line) => {
      if (io.stderrIsTerminal === true)
        io.stderr(line === undefined ? CLEAR_LINE : `${CLEAR_LINE}${escapeLine(line)}`);
    },
    progressStream: () =>
      io.stderrIsTerminal === true
        ? // readline's cursorTo/clearLine, which cli-progress calls, write through `write`.
          ({
            isTTY: true,
            columns: 100,
            write: (text: string) => (io.stderr(text), true),
          } as unknown as NodeJS.WritableStream)
        : undefined,
  };
}
