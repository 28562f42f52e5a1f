import type { Report } from './lint-rules.js';
import { readCommand } from './read-command.js';

/**
 * Rules on text: commands belong in fenced blocks, not in sentences, and their paths use
 * %SystemRoot%.
 */

/** `C:\Windows` (any drive letter case) where `%SystemRoot%` belongs; `C:\Windows.old` is another folder. */
const WINDOWS_PATH = /\bC:\\Windows(?![\w.])/i;

/**
 * Programs that, followed by what looks like their arguments, are a command written into a
 * sentence. Each program has its own argument shape so that prose ("DISM repairs the store",
 * "the net effect") is not taken for a command.
 */
const BARE_COMMANDS: readonly RegExp[] = [
  /\bnetsh(?:\.exe)?\s+(?:winhttp|winsock|int|interface|advfirewall|firewall|http|wlan|lan)\b/i,
  /\bdism(?:\.exe)?\s+\/\w/i,
  /\bsfc(?:\.exe)?\s+\/\w/i,
  /\bnet(?:\.exe)?\s+(?:start|stop|user|use|localgroup|share|session|view)\b/i,
  /\bsc(?:\.exe)?\s+(?:query|queryex|qc|config|start|stop|sdshow|sdset|failure)\b/i,
  /\bregsvr32(?:\.exe)?\s+(?:\/\w|[\w%\\.:-]+\.(?:dll|ocx))/i,
  /\b(?:ren|rename|rd|rmdir|del)\s+(?:\/\w+\s+)*%\w+%/i,
  /\bchkdsk(?:\.exe)?\s+(?:[a-z]:|\/\w)/i,
  /\bipconfig(?:\.exe)?\s+\/\w/i,
  /\bw32tm(?:\.exe)?\s+\/\w/i,
  /\bbitsadmin(?:\.exe)?\s+\/\w/i,
  /\breg(?:\.exe)?\s+(?:add|delete|query|export|import)\s+HK/i,
  /\b(?:Get|Set|Start|Stop|Restart|Remove|Rename|Repair|Reset|Invoke|New|Clear)-[A-Z][A-Za-z]+\b/,
];

const FENCE = /^[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;

function fencedBlocks(markdown: string): string[] {
  return [...markdown.matchAll(FENCE)].map((match) => match[2] ?? '');
}

/** The first command written into running text (outside fenced blocks and inline code), if any. */
function findBareCommand(markdown: string): string | undefined {
  const prose = markdown.replace(FENCE, '\n').replace(INLINE_CODE, ' ');
  for (const pattern of BARE_COMMANDS) {
    const match = pattern.exec(prose);
    if (match) {
      // Show the command up to the end of its clause, not just the part the pattern needed.
      const rest = prose.slice(match.index).split(/[,;!?\n]|\.(?:\s|$)/)[0] ?? match[0];
      return rest.trim().slice(0, 80);
    }
  }
  return undefined;
}

/** A command's text: `%SystemRoot%`, not `C:\Windows`. */
export function checkCommandText(command: string, path: string, report: Report): void {
  if (WINDOWS_PATH.test(command)) {
    report('windows-path', path, 'write %SystemRoot% instead of C:\\Windows in commands');
  }
}

/** A fence marked `cmd` or `powershell` in prose: each line is one command of that shell. */
const SHELL_FENCE = /^[ \t]*(`{3,}|~{3,})(cmd|powershell)[ \t]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;

function checkFencedCommands(markdown: string, path: string, report: Report): void {
  for (const match of markdown.matchAll(SHELL_FENCE)) {
    const shell = match[2] === 'powershell' ? 'powershell' : 'cmd';
    for (const line of (match[3] ?? '').split('\n')) {
      if (line.trim() === '') continue;
      const read = readCommand(line, shell);
      if (!read.ok) report('command-unknown', path, `"${line.trim()}" ${read.reason}`);
    }
  }
}

/** Markdown prose: its fenced commands checked as commands, and no command in a sentence. */
export function checkProse(markdown: string, path: string, report: Report): void {
  for (const block of fencedBlocks(markdown)) checkCommandText(block, path, report);
  checkFencedCommands(markdown, path, report);
  const sentence = findBareCommand(markdown);
  if (sentence !== undefined) {
    report(
      'bare-command',
      path,
      `"${sentence}" is a command inside a sentence; put it in its own fenced block`,
    );
  }
}
