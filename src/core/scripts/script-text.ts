/**
 * Text as a generated script may carry it. Scripts are ASCII only: Windows PowerShell 5.1 reads
 * a `.ps1` without a byte-order mark in the ANSI code page and cmd.exe reads a batch file in the
 * console's OEM code page, so any other character would arrive garbled. Prose (titles, steps)
 * is transliterated; a command is never changed, so one that is not ASCII is refused.
 */

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2026': '...',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00a0': ' ',
  '\u2192': '->',
  '\u00d7': 'x',
  '\u2265': '>=',
  '\u2264': '<=',
};

/** Prose in printable ASCII: known punctuation transliterated, any other character `?`, breaks as spaces. */
export function asciiProse(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, (char) => REPLACEMENTS[char] ?? '?')
    .trim();
}

/** A command a script may run as written: printable ASCII on one line. */
export const isScriptableCommand = (command: string): boolean => /^[\x20-\x7e]+$/.test(command);

/** The first character of a command that a script cannot carry, for the error message. */
export function unscriptableCharacter(command: string): string | undefined {
  const match = /[^\x20-\x7e]/.exec(command);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** File-name part for a script: `erratlas-fix-0x80244001`. */
export const scriptBaseName = (code: string): string =>
  `erratlas-fix-${code.replace(/[^A-Za-z0-9x-]/g, '')}`;
