/**
 * PowerShell text helpers shared by the fix scripts and the diagnostic script.
 */

/** A single-quoted PowerShell string: nothing inside is expanded; a `'` is written twice. */
export const psQuote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64[n & 63]!;
  }
  return out;
}

/**
 * `powershell.exe -EncodedCommand` takes the command as Base64 of its UTF-16LE bytes, so a
 * command goes from a batch file to PowerShell with no quoting for cmd.exe to get wrong.
 */
export function encodePowerShellCommand(script: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < script.length; i++) {
    const unit = script.charCodeAt(i);
    bytes.push(unit & 0xff, unit >> 8);
  }
  return base64(bytes);
}

/**
 * What a batch file hands PowerShell for one command: errors stop it (a cmdlet's error
 * becomes exit 1), a native program's own exit code is passed on, and success is exit 0.
 */
export const powerShellCommandWrapper = (command: string): string =>
  `$ErrorActionPreference = 'Stop'; try { ${command} } catch { [Console]::Error.WriteLine($_); exit 1 }; if ($LASTEXITCODE) { exit $LASTEXITCODE }; exit 0`;
