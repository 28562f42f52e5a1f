import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countRows, runFix } from './fix-process.js';
import type { ProcessResult } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-fix-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

/** `erratlas fix` on a database of its own, its stdin a pipe fed the given lines. */
async function fix(
  args: readonly string[],
  lines: readonly string[],
): Promise<ProcessResult & { db: string }> {
  const db = join(folder, `fix-${++counter}.db`);
  return { ...(await runFix(args, lines, { DATABASE_URL: `sqlite:${db}` })), db };
}

describe('erratlas fix', () => {
  it('asks the platform, walks one fix at a time to "fixed", and records nothing', async () => {
    // Platform 1 (Windows 11); step 1 still failing, no new code; step 2 fixed.
    const result = await fix(['0x80244001'], ['1', '2', '', '1']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Which Windows is this PC running?');
    expect(result.stdout).toContain(
      'Step 1 of 7 for 0x80244001: Restart, then check the clock and the update services',
    );
    expect(result.stdout).toContain(
      'Step 2 of 7 for 0x80244001: Repair the component store and the system files, MSXML included',
    );
    expect(result.stdout).toContain('DISM /Online /Cleanup-Image /RestoreHealth');
    expect(result.stdout).toContain(
      'Fixed by: Repair the component store and the system files, MSXML included',
    );
    expect(result.stdout).toContain('Platform: Windows 11');
    expect(countRows(result.db, 'troubleshoot_sessions')).toBe(0);
    expect(countRows(result.db, 'fix_outcomes')).toBe(0);
  });

  it('with --platform skips the question and skips fixes that do not apply (Windows 7: SFC alone, no DISM)', async () => {
    const answers = Array.from({ length: 7 }, () => ['2', '']).flat();
    const result = await fix(['80244001', '--platform', 'windows-7'], answers);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Which Windows');
    expect(result.stdout).toContain('Step 7 of 7');
    expect(result.stdout).not.toContain('MSXML included');
    expect(result.stdout).toContain('On Windows 7: check the system files with SFC');
    expect(result.stdout).toContain('Every step has been tried');
    expect(result.stdout).toContain('Result: not fixed: every step was tried');
  });

  it("jumps to the code in a failed command's message", async () => {
    const result = await fix(
      ['0x80244001', '--platform', 'windows-11'],
      ['3', '2', 'Error: 0x80070005 Access is denied.', '', '1'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('That message holds the code 0x80070005');
    expect(result.stdout).toContain('Now walking 0x80070005');
    expect(result.stdout).toContain('Step 1 of');
    expect(result.stdout).toContain('for 0x80070005');
    expect(result.stdout).toContain('Codes seen on the way: 0x80244001 -> 0x80070005');
  });

  it('asks again after an answer it cannot read, and exits 1 when input ends early', async () => {
    const result = await fix(['0x80244001', '--platform', 'windows-11'], ['7', 'x']);
    expect(result.code).toBe(1);
    expect(result.stdout.match(/Did it work\?/g)).toHaveLength(3);
    expect(result.stderr).toContain(
      'input ended before the walk-through did; nothing was recorded',
    );
  });

  it.each([
    [['80244O01'], 'does not read as an error code'],
    [['0x80244001', '--platform', 'amiga'], '"amiga" is not a platform of windows-update'],
    [[], 'fix needs a code'],
  ])('exits 2 for %j with a message on stderr', async (args, message) => {
    const result = await fix(args, []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
