import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { erratlas, ROOT } from './run-process.js';

// No database file: the script comes from the bundled content, and none is created.
const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-script-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const env = { DATABASE_URL: `sqlite:${join(folder, 'absent.db')}` };

describe('erratlas fix --script', () => {
  it('prints the .cmd script of the chosen fixes on stdout', async () => {
    const result = await erratlas(
      [
        'fix',
        '0x80244001',
        '--script',
        'cmd',
        '--fixes',
        'reset-winhttp-proxy',
        '--platform',
        'windows-11',
      ],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('@echo off\r\n')).toBe(true);
    expect(result.stdout).toContain('\r\nnetsh winhttp reset proxy\r\n');
    expect(result.stdout).toContain('rem Platform: windows-11');
    expect(result.stderr).toContain('erratlas-fix-0x80244001.cmd');
  });

  it('prints the .ps1 script, the same as the web download', async () => {
    const result = await erratlas(
      ['fix', '80244001', '--script', 'ps1', '--fixes', 'reset-components'],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("$code = Invoke-Cmd 'net stop usosvc'");
    expect(result.stdout).toContain('param([switch]$DryRun)');
  });

  // Every fix of the bundled 0x80244001 article, as printed before the command was split into
  // files: the script must stay the same byte for byte. After a deliberate change to that
  // article or to the script writers, refresh them with UPDATE_GOLDEN=1.
  it.each(['cmd', 'ps1'])(
    'prints the %s script of every fix exactly as its golden file',
    async (format) => {
      const result = await erratlas(
        ['fix', '0x80244001', '--script', format, '--platform', 'windows-11'],
        env,
      );
      const golden = join(ROOT, `test/golden/fix-0x80244001-windows-11.${format}`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, result.stdout);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
      expect(result.stderr).toBe(
        `erratlas fix: erratlas-fix-0x80244001.${format} (${format}); save it and read it before you run it\n`,
      );
    },
  );

  it.each([
    [['--script', 'cmd', '--fixes', 'nope'], '"nope" is not a fix of the 0x80244001 article'],
    [
      ['--script', 'ps1', '--platform', 'windows-95'],
      '"windows-95" is not a platform of windows-update',
    ],
    [['--script', 'bat'], '--script takes cmd or ps1, not "bat"'],
    [['--fixes', 'reset-components'], '--fixes chooses the fixes of a script'],
  ])('exits 2 with a message on stderr for %j', async (args, message) => {
    const result = await erratlas(['fix', '0x80244001', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('exits 1 for a code without an article', async () => {
    const result = await erratlas(['fix', '0x80249999', '--script', 'cmd'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no article for 0x80249999');
  });
});

describe('erratlas fix --from', () => {
  it('starts the walk at the fix a diagnosis named', async () => {
    const result = await erratlas(
      ['fix', '0x80072EFD', '--platform', 'windows-11', '--from', 'reset-winhttp-proxy'],
      env,
    );
    expect(result.stdout).toMatch(/^Step 1 of \d+ for 0x80072EFD: Check the WinHTTP proxy/m);
  });
});
