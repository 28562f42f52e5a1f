import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip } from '../src/test-support/zip-writer.js';
import { BIN, ROOT, erratlas } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-logs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const logs = (...args: string[]) => erratlas(['logs', ...args]);

describe('erratlas logs (the real CLI, as a subprocess)', () => {
  it('DISM.log + CBS.log: the source-missing rule first, the fix step, the article; exit 1', async () => {
    const r = await logs('test/logs/dism.log', 'test/logs/CBS.log');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Diagnosis: The repair source is missing: /);
    expect(r.stdout).toContain('[rule servicing-source-missing-dism]');
    expect(r.stdout).toContain('read:  /windows-update/0x800F081F#check-own-source');
    expect(r.stdout).toContain('test/logs/dism.log:4  2024-03-05 14:05:02, Error');
    expect(r.stdout).toContain(
      'servicing session: DISM session → failed, first failure 0x800F081F at line 3',
    );
    expect(r.stdout).toMatch(/0x800F0805 +×2 .*\(known-harmless\)/);
    // Redaction: the user folder in CBS.log is never printed.
    expect(r.stdout).not.toContain('jsmith');
  });

  it('setupact.log: the setup result, its phase and operation, and the file named before it', async () => {
    const r = await logs('test/logs/setupact.log', '--json');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as {
      matches: {
        rule: string;
        cause: string;
        setup: { result: string; extend: string; phase: string; operation: string };
      }[];
    };
    expect(d.matches[0]?.rule).toBe('setup-migration-corrupt-file');
    expect(d.matches[0]?.setup).toMatchObject({ result: '0x8007042B', extend: '0x2000D' });
    expect(d.matches[0]?.setup.phase).toBeTruthy();
    expect(d.matches[0]?.setup.operation).toBeTruthy();
    expect(d.matches[0]?.cause).toContain(String.raw`C:\Users\<user>\Documents\broken.dat`);
    expect(r.stdout).not.toContain('jsmith');
  });

  it('a directory of logs; ReportingEvents (UTF-16) and XML events read too', async () => {
    const r = await logs('test/logs', '--json');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as {
      files: { file: string; format: string }[];
      refused: { file: string; reason: string }[];
    };
    expect(d.files.map((f) => f.format).sort()).toEqual(
      [
        'cbs',
        'dism',
        'event-xml',
        'panther',
        'reporting-events',
        'windows-update',
        'windows-update-legacy',
        'wpp',
      ].sort(),
    );
    expect(d.refused.map((x) => x.file).sort()).toEqual(
      ['test/logs/binary.log', 'test/logs/empty.log', 'test/logs/logs.cab'].sort(),
    );
  });

  it('a log with no failure: exit 0 and says so in plain words', async () => {
    const file = join(folder, 'WindowsUpdate.log');
    writeFileSync(
      file,
      '2024/03/05 14:02:10.1234567 1234  5678  Agent           * START * Finding updates CallerId = UpdateOrchestrator\r\n' +
        '2024/03/05 14:02:12.0000001 1234  5678  DataStore       *FAILED* [80248007] GetUpdate\r\n' +
        '2024/03/05 14:02:14.1234567 1234  5678  Agent           * END * Finding updates CallerId = UpdateOrchestrator, Exit code = 0x00000000\r\n',
    );
    const r = await logs(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Diagnosis: No failure found: every code in the log is known-harmless noise\./,
    );
  });

  it('a failure no rule knows: says so and lists the findings, most telling first', async () => {
    const file = join(folder, 'odd.log');
    writeFileSync(
      file,
      '2024-03-05 10:00:00 tool started\n2024-03-05 10:00:01 step 3 failed, hr = 0x8024A000\n',
    );
    const r = await logs(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'Diagnosis: No known failure pattern matched. The most telling failure is 0x8024A000',
    );
    expect(r.stdout).toContain('No rule matched: the findings below are the most telling first.');
  });

  it('--rules adds a help desk rule, validated with the same schema', async () => {
    const dir = join(folder, 'rules');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'our-proxy.yaml'),
      [
        'id: our-proxy',
        'title: Our proxy blocks Windows Update',
        'source: Contoso help desk runbook 12',
        'when:',
        '  all:',
        "    - code: '0x80244022'",
        'cause: The branch proxy answers 503 for update traffic.',
        'fix: Open a ticket with the network team, queue NET-PROXY.',
        'fixture:',
        '  file: trace.txt',
        '  text: "[2]0F3C.1A20::03/05/2024-14:02:13.766 [agent]Example message, error = 0x80244022\\n"',
      ].join('\n'),
    );
    const r = await logs('test/logs/trace.txt', '--rules', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[rule our-proxy]');

    writeFileSync(join(dir, 'broken.yaml'), 'id: Not Kebab\ntitle: x\n');
    const bad = await logs('test/logs/trace.txt', '--rules', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('broken.yaml: id: kebab-case');
    expect(bad.stdout).toBe('');
  });

  it('bad input: exit 2 with what was wrong and what is accepted', async () => {
    const none = await logs();
    expect([none.code, none.stderr]).toEqual([
      2,
      expect.stringContaining('logs needs a file or directory'),
    ]);
    const missing = await logs('no/such.log');
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringContaining('no such file or directory: no/such.log'),
    ]);
    const since = await logs('test/logs/CBS.log', '--since', 'yesterday');
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('use yyyy-MM-dd');
    const cab = join(folder, 'CbsPersist_20240305140500.cab');
    copyFileSync('test/logs/logs.cab', cab);
    const r = await logs(cab);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expand it first');
    const zip = join(folder, 'logs.zip');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    const broken = await logs(zip);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not a readable .zip archive');
    const evil = join(folder, 'evil.zip');
    writeFileSync(
      evil,
      buildZip([{ name: '../../CBS.log', data: readFileSync('test/logs/CBS.log') }]),
    );
    const escaped = await logs(evil);
    expect(escaped.code).toBe(2);
    expect(escaped.stderr).toContain('named outside the archive');
  });

  it('--since leaves out the findings and runs before it', async () => {
    const before = await logs('test/logs/WindowsUpdate.log');
    expect(before.code).toBe(1);
    const r = await logs('test/logs/WindowsUpdate.log', '--since', '2024-03-05T14:03');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Diagnosis: No failure found');
    expect(r.stdout).not.toContain('0x8024402C');
  });

  it('a .zip of a logs folder (nested) is read like the folder; names show where in the zip', async () => {
    const zip = join(folder, 'Logs.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'Logs/DISM/dism.log', data: readFileSync('test/logs/dism.log') },
        { name: 'Logs/CBS/CBS.log', data: readFileSync('test/logs/CBS.log') },
      ]),
    );
    const r = await logs(zip, '--json');
    expect([r.code, r.stderr]).toEqual([1, '']);
    const d = JSON.parse(r.stdout) as { matches: { rule: string }[]; files: { file: string }[] };
    expect(d.matches[0]?.rule).toBe('servicing-source-missing-dism');
    expect(d.files.map((f) => f.file)).toEqual([
      `${zip}/Logs/DISM/dism.log`,
      `${zip}/Logs/CBS/CBS.log`,
    ]);
  });

  it('a progress bar on the terminal stderr only: never on stdout, never with --json', async () => {
    const big = join(folder, 'big-CBS.log');
    const line = readFileSync('test/logs/CBS.log', 'utf8');
    writeFileSync(big, line.repeat(Math.ceil((6 * 1024 * 1024) / line.length)));
    // `script` gives the CLI a pseudo-terminal; stdout goes to a file, so the terminal shows stderr alone.
    const underTty = async (extra: string) => {
      const out = join(folder, `stdout-${extra.length}.txt`);
      // Exit 1 (a failure found) makes execFile reject; what the terminal showed is kept.
      const terminal = await promisify(execFile)(
        'script',
        ['-qec', `"${process.execPath}" "${BIN}" logs "${big}" ${extra} > "${out}"`, '/dev/null'],
        { cwd: ROOT },
      ).then(
        (r) => r.stdout,
        (e: Error & { code?: number; stdout?: string }) => {
          if (e.code !== 1) throw e;
          return e.stdout ?? '';
        },
      );
      return { terminal, stdout: readFileSync(out, 'utf8') };
    };
    const plain = await underTty('');
    expect(plain.terminal).toMatch(/big-CBS\.log \[[=-]+\] \d+% [\d.]+\/6\.0 MiB/);
    expect(plain.stdout).toMatch(/^Diagnosis: /);
    expect(plain.stdout).not.toContain('MiB');
    const json = await underTty('--json');
    expect(json.terminal).not.toContain('MiB');
    JSON.parse(json.stdout);
  });
});
