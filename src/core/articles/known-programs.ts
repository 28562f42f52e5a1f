import type { Shell } from './schema.js';

/**
 * Which words start a command in scraped page text (DESIGN.md: the importer "takes a segment
 * for a command when it starts with a known program or cmdlet, else a step").
 */

/** Programs a Windows fix runs from Command Prompt. Matched case-insensitively ("DISM"). */
export const KNOWN_PROGRAMS: ReadonlySet<string> = new Set([
  'net',
  'sc',
  'rd',
  'rmdir',
  'ren',
  'move',
  'del',
  'netsh',
  'dism',
  'sfc',
  'regsvr32',
  'reg',
  'bitsadmin',
  'ipconfig',
  'wsreset',
  'chkdsk',
  'bcdedit',
  'powercfg',
  'wuauclt',
  'usoclient',
  'certutil',
  'icacls',
  'takeown',
  'attrib',
  'msiexec',
  'cleanmgr',
  'shutdown',
]);

/**
 * Programs whose names are also English words: "Move the slider…" is a step, so these count
 * as commands only when an argument-looking token follows ("move C:\a D:\b", "shutdown /r").
 */
const ENGLISH_LOOKING: ReadonlySet<string> = new Set(['move', 'shutdown']);

/** PowerShell's approved verbs (Get-Verb) that fixes use; a Verb-Noun cmdlet starts with one. */
const POWERSHELL_VERBS: ReadonlySet<string> = new Set(
  [
    'add',
    'clear',
    'copy',
    'disable',
    'dismount',
    'enable',
    'export',
    'get',
    'import',
    'install',
    'invoke',
    'mount',
    'move',
    'new',
    'register',
    'remove',
    'rename',
    'repair',
    'reset',
    'restart',
    'resume',
    'set',
    'start',
    'stop',
    'suspend',
    'test',
    'uninstall',
    'unregister',
    'update',
    'wait',
    'write',
  ].map((verb) => verb.toLowerCase()),
);

/**
 * Verb-Noun as cmdlets are written: the noun capitalised ("Get-Service"), which keeps English
 * hyphenations such as "Start-up" or "Set-up" out.
 */
const CMDLET = /^([A-Za-z]+)-[A-Z][A-Za-z0-9]*$/;
const ARGUMENT_LIKE = /^(?:[/%"-]|[A-Za-z]:\\)|\\/;

export type CommandKind = 'program' | 'cmdlet';

/** A program the list lacks, known by its shape: `name.exe …`, or a lower-case name then a switch or path. */
const PROGRAM_SHAPE = /^(?:[A-Za-z][\w-]*\.exe|[a-z][a-z0-9]*)$/;
const SWITCH_OR_PATH = /^(?:\/[A-Za-z?][\w:=-]*|%\w+%\S*|[A-Za-z]:\\\S*)$/;

/**
 * `gpresult /h %TEMP%\gp.html`, `winmgmt /verifyrepository`: a lower-case word followed by a
 * switch or a path is a command even when the list does not name it. Prose starts with a
 * capital or is followed by words, so "Open /settings" or "copy the file" stay steps.
 */
function hasCommandShape(first: string, second: string): boolean {
  if (!PROGRAM_SHAPE.test(first)) return false;
  return first.toLowerCase().endsWith('.exe') || SWITCH_OR_PATH.test(second);
}

/** What kind of command `text` starts with, or undefined when it starts with prose. */
export function detectCommand(text: string): CommandKind | undefined {
  const [token = '', second = ''] = text.trim().split(/\s+/);
  // "Run: wsreset." — the sentence's punctuation is not part of the name.
  const first = token.replace(/[.,;:!?]+$/, '');
  const cmdlet = CMDLET.exec(first);
  if (cmdlet && POWERSHELL_VERBS.has((cmdlet[1] ?? '').toLowerCase())) return 'cmdlet';
  // A program may be written with its path or extension: %SystemRoot%\System32\sfc.exe.
  const program = (first.split('\\').pop() ?? '').toLowerCase().replace(/\.exe$/, '');
  if (!KNOWN_PROGRAMS.has(program)) return hasCommandShape(first, second) ? 'program' : undefined;
  if (ENGLISH_LOOKING.has(program) && !ARGUMENT_LIKE.test(second)) return undefined;
  return 'program';
}

/** A cmdlet always runs in PowerShell; a program in the shell the page opened for it. */
export const shellFor = (kind: CommandKind, context: Shell): Shell =>
  kind === 'cmdlet' ? 'powershell' : context;
