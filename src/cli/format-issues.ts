import { join } from 'node:path';

/**
 * Problems in files as compilers print them, one per line, so an editor or a terminal can jump
 * to them: `content/windows-update/0x80244001.md:12: message`. The file is named as the person
 * gave it on the command line (relative to their folder when they gave a relative path).
 */

/** `target` as typed; `file` as read below it ('' or a bare name when the target is the file). */
export const shownPath = (target: string, targetIsFile: boolean, file: string): string =>
  targetIsFile ? target : join(target, file);

/** `file:line: message`, or `file: message` when the problem has no line (the whole file). */
export const formatIssueLine = (
  file: string,
  issue: { line?: number | undefined; message: string },
): string => `${file}${issue.line === undefined ? '' : `:${issue.line}`}: ${issue.message}`;
