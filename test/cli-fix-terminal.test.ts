import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startInteractive, type Interactive } from './interactive-process.js';
import { BIN, ROOT } from './run-process.js';

/**
 * `erratlas fix` on a real pseudo-terminal: util-linux's `script` runs it with a pty as its
 * stdin and stdout (so `isTTY` holds and raw mode works), and copies what the test types into
 * it. The test waits for each menu or prompt before it types, as a person would.
 */
const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-tty-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const ENTER = '\r';
const ESC = '\x1b';
const HINT = '(up/down and Enter, or the number';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function onTerminal(args: readonly string[]): Interactive {
  const command = [process.execPath, BIN, 'fix', ...args].map(quote).join(' ');
  return startInteractive(
    'script',
    ['--quiet', '--flush', '--return', '--command', command, '/dev/null'],
    { DATABASE_URL: `sqlite:${join(folder, `tty-${++counter}.db`)}` },
    ROOT,
  );
}

/** What the terminal showed, its line ends (CR LF on a pty) as in a file. */
const screen = (cli: Interactive) => cli.printed().replace(/\r\n/g, '\n');

/** One walk through several menus, each waited for, on a busy 2-core machine. */
const A_WALK = 120_000;

describe('erratlas fix on a terminal', () => {
  it(
    'offers each choice as a menu picked with the arrow keys, and reads text lines as typed',
    async () => {
      const cli = onTerminal(['0x80244001']);
      try {
        // The platforms: down twice, up once marks the second (Windows 10).
        await cli.waitFor('Which Windows is this PC running?');
        await cli.waitFor(HINT);
        cli.type(DOWN);
        await cli.waitFor('> 2. Windows 10');
        cli.type(DOWN);
        await cli.waitFor('> 3. Windows 8.1');
        cli.type(UP);
        await cli.waitFor(/> 2\. Windows 10[\s\S]*> 2\. Windows 10/);
        cli.type(ENTER);
        await cli.waitFor('Which Windows is this PC running? Windows 10');
        // Step 1: "Still failing" by the arrow, then a new code typed on the line.
        let mark = cli.printed().length;
        await cli.waitFor(HINT, mark);
        cli.type(DOWN + ENTER);
        await cli.waitFor('Does it show a different code now?', mark);
        cli.type(`0x80070005${ENTER}`);
        await cli.waitFor('Now walking 0x80070005', mark);
        // On 0x80070005: "I couldn't do this step" by its digit, Esc skips the reason.
        mark = cli.printed().length;
        await cli.waitFor(HINT, mark);
        cli.type('3');
        await cli.waitFor('Why?', mark);
        await cli.waitFor(', Esc to skip)', mark);
        cli.type(ESC);
        await cli.waitFor('What did it print?', mark);
        cli.type(ENTER);
        await cli.waitFor('Does it show a different code now?', mark);
        cli.type(ENTER);
        mark = cli.printed().length;
        await cli.waitFor(HINT, mark);
        cli.type(ENTER);
        const result = await cli.exited;
        const shown = screen(cli);
        expect(result.code).toBe(0);
        // The menu was drawn over itself (cursor up over its 5 lines, erase below).
        expect(shown).toContain('\x1b[5A\r\x1b[JDid it work? Still failing\n');
        expect(shown).toContain("Did it work? I couldn't do this step\n");
        expect(shown).toContain('Why? (skipped)\n');
        expect(shown).toContain('Did it work? Fixed it\n');
        expect(shown).toContain('Platform: Windows 10');
        expect(shown).toContain('Codes seen on the way: 0x80244001 -> 0x80070005');
        expect(shown).toMatch(
          /0x80244001\] Restart, then check the clock and the update services: still failing/,
        );
        expect(shown).toMatch(/\[0x80070005\] [^\n]*: could not do this step/);
        expect(shown).toMatch(/\[0x80070005\] [^\n]*: fixed it/);
      } finally {
        cli.end();
      }
    },
    A_WALK,
  );

  it(
    'leaves the walk on Ctrl-C in a menu: exit 1, nothing recorded',
    async () => {
      const cli = onTerminal(['0x80244001', '--platform', 'windows-11']);
      try {
        await cli.waitFor(HINT);
        cli.type('\x03');
        const result = await cli.exited;
        expect(result.code).toBe(1);
        expect(screen(cli)).toContain('Did it work? (left)');
        expect(screen(cli)).toContain(
          'input ended before the walk-through did; nothing was recorded',
        );
      } finally {
        cli.end();
      }
    },
    A_WALK,
  );
});
