import type { CliIo } from './cli-io.js';
import type { CliWiring } from './cli-wiring.js';
import type { TerminalOutput } from './terminal-output.js';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** What the value is, for the usage: `--db <url>`. */
  value?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What parsing gives a command: each option by name, and the arguments in order. */
export interface ParsedArgs<O extends OptionSpecs> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

export interface CommandContext {
  io: CliIo;
  print: TerminalOutput;
  wiring: CliWiring;
}

/** One command: what it takes (for parsing, --help and usage errors) and what it does. */
export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  /** The arguments as the usage line shows them: `<notation>`, `<file|dir>`, `` (none). */
  arguments: string;
  /** How many arguments it takes, and what to call them in an error. */
  count: { min: number; max: number; what: string };
  options: O;
  run(args: ParsedArgs<O>, context: CommandContext): Promise<number>;
}

/** A spec with its option types checked, stored beside the others. */
export const defineCommand = <O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec => spec;

export const HELP_OPTION: OptionSpec = { type: 'boolean', description: 'print this help' };

/** `--base-url`, the same for every command that prints links (resolved by base-url.ts). */
export const BASE_URL_OPTION = {
  type: 'string',
  value: 'url',
  description:
    'where printed links point (default ERRATLAS_BASE_URL, else http://localhost:<PORT>)',
} as const satisfies OptionSpec;

/** `usage: …` and the options, as `--help` prints it and a usage error ends. */
export function usageLines(spec: CommandSpec): string[] {
  const options = Object.entries(spec.options).map(([name, option]) => ({
    flag: `--${name}${option.value ? ` <${option.value}>` : ''}`,
    description: option.description,
  }));
  options.push({ flag: '-h, --help', description: HELP_OPTION.description });
  const width = Math.max(...options.map((o) => o.flag.length));
  return [
    `usage: erratlas ${spec.name}${spec.arguments ? ` ${spec.arguments}` : ''} [options]`,
    'options:',
    ...options.map((o) => `  ${o.flag.padEnd(width)}  ${o.description}`),
  ];
}

export const helpLines = (spec: CommandSpec): string[] => [
  `erratlas ${spec.name}: ${spec.summary}`,
  '',
  ...usageLines(spec),
];
