import { fail, ok, type Result } from '../result.js';
import { COMMANDS, type CommandSpec } from './command-table.js';
import type { Shell } from './schema.js';

/** One program or cmdlet as a command uses it: where that use works, and what it destroys. */
export interface CommandUse {
  program: string;
  /** The platforms that have the program and every subcommand and switch the use names. */
  platforms: readonly string[];
  /** Why this use deletes something, when it does. */
  destructive?: string | undefined;
}

/** Command Prompt's own commands: in PowerShell the same names are aliases that behave otherwise. */
const CMD_BUILTINS = new Set(['dir', 'ren', 'rename', 'rd', 'rmdir', 'del', 'erase']);
const POWERSHELL_FOR: Record<string, string> = {
  dir: 'Get-ChildItem',
  ren: 'Rename-Item',
  rename: 'Rename-Item',
  rd: 'Remove-Item -Recurse',
  rmdir: 'Remove-Item -Recurse',
  del: 'Remove-Item',
  erase: 'Remove-Item',
};

/** Splits on blanks outside double and single quotes; quotes stay on the token. */
function tokens(text: string): string[] {
  return text.match(/(?:"[^"]*"|'[^']*'|[^\s"'])+/g) ?? [];
}

/** Splits on `separator` characters outside quotes and script blocks (`{ … }`). */
function splitOutside(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(char)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const programName = (token: string): string =>
  (
    token
      .replace(/^["']|["']$/g, '')
      .split('\\')
      .pop() ?? ''
  )
    .toLowerCase()
    .replace(/\.exe$/, '');

const intersect = (a: readonly string[], b: readonly string[] | undefined): readonly string[] =>
  b === undefined ? a : a.filter((id) => b.includes(id));

/** The part of a `/Switch:value`, `/switch=value` or `-Parameter:value` that names it. */
const switchName = (token: string): string =>
  (/^[/-][^:=]*/.exec(token)?.[0] ?? token).toLowerCase();

/**
 * Reads one command as the table knows it: a program with its subcommand, switches and options,
 * or a PowerShell pipeline of cmdlets. Fails with what is wrong and what would be accepted.
 */
export function readCommand(text: string, shell: Shell): Result<CommandUse[], string> {
  // A line continued with ` (PowerShell) or ^ (Command Prompt) is one command.
  const joined = text.replace(/[`^]\r?\n\s*/g, ' ').trim();
  if (/\r?\n/.test(joined)) {
    return fail('holds several lines; write one command per action, each in its own block');
  }
  const segments = shell === 'powershell' ? splitOutside(joined, '|;') : splitOutside(joined, '&|');
  if (shell === 'cmd' && segments.length > 1) {
    return fail(`chains ${segments.length} commands with & or |; give each its own action`);
  }
  const uses: CommandUse[] = [];
  for (const segment of segments) {
    const use = readSegment(segment, shell);
    if (!use.ok) return use;
    uses.push(use.value);
  }
  return ok(uses);
}

function readSegment(segment: string, shell: Shell): Result<CommandUse, string> {
  // A script block's contents (Where-Object { $_.JobState -eq 'Error' }) are not parameters.
  const [first = '', ...rest] = tokens(segment.replace(/\{[^{}]*\}/g, '{}'));
  const program = programName(first);
  const spec = COMMANDS[program];
  if (spec === undefined) {
    return fail(
      `"${first}" is not in the command table (src/core/articles/command-table.ts); ` +
        'add it there with its switches and platforms once checked against its documentation, ' +
        'or write the full cmdlet name',
    );
  }
  if (shell === 'cmd' && spec.shell === 'powershell') {
    return fail(`${first} is a PowerShell cmdlet; mark the block powershell`);
  }
  if (shell === 'powershell' && CMD_BUILTINS.has(program)) {
    return fail(
      `${program} is built into Command Prompt; in PowerShell it is an alias that takes other ` +
        `arguments: mark the block cmd, or use ${POWERSHELL_FOR[program] ?? 'the cmdlet'}`,
    );
  }
  return readArguments(program, spec, rest);
}

function readArguments(
  program: string,
  spec: CommandSpec,
  args: readonly string[],
): Result<CommandUse, string> {
  let platforms = spec.platforms;
  const switchPrefix = spec.shell === 'powershell' ? /^-[A-Za-z]/ : /^\/[A-Za-z?]/;
  let words = args.map((arg) => arg.toLowerCase());
  let subcommand: string | undefined;
  if (spec.subcommands) {
    const phrases = Object.keys(spec.subcommands).sort((a, b) => b.length - a.length);
    const phrase = phrases.find((p) => {
      const parts = p.split(' ');
      return parts.every((part, index) => words[index] === part);
    });
    if (phrase === undefined) {
      return fail(
        `${program} ${args[0] ?? ''} is not a use the table knows; accepted: ` +
          Object.keys(spec.subcommands)
            .map((p) => `${program} ${p}`)
            .join(', '),
      );
    }
    platforms = intersect(platforms, spec.subcommands[phrase]?.platforms);
    words = words.slice(phrase.split(' ').length);
    subcommand = phrase;
  }
  const switches = new Set<string>();
  for (const word of words) {
    if (switchPrefix.test(word)) {
      const name = switchName(word);
      const known = spec.switches?.[name];
      if (known === undefined) {
        const accepted = Object.keys(spec.switches ?? {});
        return fail(
          `${program} has no switch ${name}` +
            (accepted.length > 0 ? `; accepted: ${accepted.join(' ')}` : '; it takes none'),
        );
      }
      platforms = intersect(platforms, known.platforms);
      switches.add(name);
    } else if (spec.options && /^[a-z-]+=/.test(word)) {
      const name = `${word.split('=')[0] ?? ''}=`;
      const known = spec.options[name];
      if (known === undefined) {
        return fail(
          `${program} has no option ${name}; accepted: ${Object.keys(spec.options).join(' ')}`,
        );
      }
      platforms = intersect(platforms, known.platforms);
    }
  }
  return ok({ program, platforms, destructive: spec.destructive?.({ subcommand, switches }) });
}
