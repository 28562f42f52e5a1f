/**
 * Readers of the scripts we write, for the structural tests: which data commands a script runs,
 * in which order, and where. They read our own output only (its fixed vocabulary), not any
 * batch file or PowerShell script.
 */

/** A single-quoted PowerShell string's text. */
export const psUnquote = (literal: string): string => literal.slice(1, -1).replace(/''/g, "'");

/** The command inside a `-EncodedCommand` that powerShellCommandWrapper made. */
export function decodeEncodedCommand(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const script = bytes.toString('utf16le');
  const match = /^\$ErrorActionPreference = 'Stop'; try \{ ([\s\S]*) \} catch \{/.exec(script);
  if (!match?.[1]) throw new Error(`not one of our encoded commands: ${script}`);
  return match[1];
}

export interface RunLine {
  /** Index into the script's lines. */
  line: number;
  command: string;
}

const ENCODED = /^powershell\.exe -NoProfile -NonInteractive -EncodedCommand ([A-Za-z0-9+/=]+)$/;

/** The data commands a batch file runs: each is the line before `set "ERRATLAS_RC=%errorlevel%"`. */
export function cmdRunLines(lines: readonly string[]): RunLine[] {
  const out: RunLine[] = [];
  lines.forEach((text, line) => {
    if (lines[line + 1] !== 'set "ERRATLAS_RC=%errorlevel%"') return;
    const encoded = ENCODED.exec(text);
    out.push({ line, command: encoded ? decodeEncodedCommand(encoded[1]!) : text });
  });
  return out;
}

const PS_RUN = /^\s*\$code = Invoke-(?:Cmd|PowerShellText) ('(?:[^']|'')*')$/;

/** The data commands a PowerShell script runs. */
export function ps1RunLines(lines: readonly string[]): RunLine[] {
  return lines.flatMap((text, line) => {
    const match = PS_RUN.exec(text);
    return match ? [{ line, command: psUnquote(match[1]!) }] : [];
  });
}

/** For each line, the lines that opened the blocks it sits in (braces outside strings). */
export function ps1Openers(lines: readonly string[]): string[][] {
  const stack: string[] = [];
  return lines.map((text) => {
    const here = [...stack];
    const bare = text.replace(/'(?:[^']|'')*'/g, "''");
    for (const char of bare) {
      if (char === '{') stack.push(text.trim());
      else if (char === '}') stack.pop();
    }
    return here;
  });
}
