import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, erratlas } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-usage-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let dbCounter = 0;
const freshDb = (): Record<string, string> => ({
  DATABASE_URL: `sqlite:${join(folder, `usage-${++dbCounter}.db`)}`,
});

/** Each command and every option it takes (what its --help and its usage errors must list). */
const COMMANDS: Record<string, string[]> = {
  lookup: ['--json', '--db <url>', '--base-url <url>'],
  decode: ['--json'],
  serve: ['--port <n>', '--db <url>'],
  import: ['--db <url>', '--json'],
  export: ['--db <url>'],
  lint: ['--json'],
};

// eslint-disable-next-line no-control-regex -- a terminal must receive none of these
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('--help and --version', () => {
  it.each(Object.entries(COMMANDS))(
    '`erratlas %s --help` prints its usage and every option on stdout, exit 0',
    async (name, options) => {
      for (const flag of ['--help', '-h']) {
        const result = await erratlas([name, flag]);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(new RegExp(`^erratlas ${name}: `));
        expect(result.stdout).toContain(`usage: erratlas ${name}`);
        for (const option of [...options, '-h, --help']) expect(result.stdout).toContain(option);
      }
    },
  );

  it('`erratlas --help` names every command; `erratlas help lookup` is lookup --help', async () => {
    const top = await erratlas(['--help']);
    expect(top.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(top.stdout).toContain(`  ${name} `);
    const help = await erratlas(['help', 'lookup']);
    expect(help.stdout).toBe((await erratlas(['lookup', '--help'])).stdout);
  });

  it('--help wins over a mistake on the same line and does nothing else', async () => {
    const cwd = mkdtempSync(join(folder, 'help-'));
    const result = await erratlas(['export', '--colour', 'out', '--help'], {}, cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: erratlas export <dir>');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("`erratlas --version` prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await erratlas(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('one usage error for every command', () => {
  it.each([
    [['lookup', '--colour', '0x80244001'], 'unknown option --colour'],
    [['lookup'], 'missing a code (0x80244001, -2145107967, a name…)'],
    [['lookup', '0x80244001', '--db'], '--db needs a value'],
    [['decode', '--db', 'x.db', '0x80070005'], 'unknown option --db'],
    [['decode'], 'missing a code (0x80070005, -2147024891, a name…)'],
    [['decode', '--json=yes', '0x80070005'], '--json takes no value'],
    [['serve', 'now'], 'takes no arguments, got "now"'],
    [['serve', '--host', 'x'], 'unknown option --host'],
    [['import'], 'missing one file or folder'],
    [['import', 'a', 'b'], 'takes one file or folder only, got more: "b"'],
    [['export'], 'missing one folder'],
    [['export', 'a', 'b', 'c'], 'takes one folder only, got more: "b" "c"'],
    [['lint', '-x', 'content'], 'unknown option -x'],
    [['lint', 'a', 'b'], 'takes one file or folder only, got more: "b"'],
  ])('%j: exit 2, the problem and the usage with its options on stderr', async (args, problem) => {
    const [name = ''] = args;
    const result = await erratlas(args, freshDb());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe(`erratlas ${name}: ${problem}`);
    expect(lines[1]).toMatch(new RegExp(`^usage: erratlas ${name}`));
    expect(lines[2]).toBe('options:');
    for (const option of COMMANDS[name] ?? []) expect(result.stderr).toContain(option);
  });

  it('an unknown command or top-level option: exit 2 with the commands', async () => {
    for (const args of [['frobnicate'], ['--frob']]) {
      const result = await erratlas(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('commands: lookup, decode, serve, import, export, lint');
    }
  });
});

describe('links with a base URL', () => {
  it('prints links under --base-url, over ERRATLAS_BASE_URL, over the local default', async () => {
    const env = { ERRATLAS_BASE_URL: 'https://env.example.com' };
    // A folder of its own: a database left in the project folder must not decide the links.
    const cwd = mkdtempSync(join(folder, 'links-'));
    const flag = await erratlas(
      ['lookup', '--base-url', 'https://errors.example.com/atlas/', '0x80244001'],
      env,
      cwd,
    );
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain(
      '            https://errors.example.com/atlas/windows-update/0x80244001\n',
    );
    const fromEnv = await erratlas(['lookup', '0x80070006'], env, cwd);
    // A code page, or an article page should one be written for it: the base is what counts.
    expect(fromEnv.stdout).toMatch(/ https:\/\/env\.example\.com\/[a-z-]+\/0x80070006\n/);
    const local = await erratlas(['lookup', '0x80070006'], { PORT: '8123' }, cwd);
    expect(local.stdout).toMatch(/ http:\/\/localhost:8123\/[a-z-]+\/0x80070006\n/);
  });

  it.each([
    [
      ['--base-url', 'ftp://x.example.com'],
      {},
      '--base-url "ftp://x.example.com" is not an http(s) URL',
    ],
    [['--base-url', 'errors.example.com'], {}, '--base-url "errors.example.com" is not a URL'],
    [
      [],
      { ERRATLAS_BASE_URL: 'javascript:alert(1)' },
      'ERRATLAS_BASE_URL "javascript:alert(1)" is not an http(s) URL',
    ],
    [
      ['--base-url', 'https://x.example.com/?q=1'],
      {},
      '--base-url "https://x.example.com/?q=1" has a query, a fragment or credentials',
    ],
  ])('refuses %j %j with exit 2, saying what is accepted', async (args, env, message) => {
    const result = await erratlas(['lookup', ...args, '0x80244001'], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`erratlas lookup: ${message}`);
    expect(result.stderr).toContain('accepted: an absolute http:// or https:// address');
  });
});

describe('no control character from input or files reaches the terminal', () => {
  it('shows an escape sequence in an argument escaped, on stderr and in --json', async () => {
    const text = await erratlas(['lookup', 'zz\x1b[31mred\u009b2J']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('"zz\\x1b[31mred\\x9b2J" is not a code notation');
    expect(text.stderr).not.toMatch(RAW_CONTROL);

    const json = await erratlas(['lookup', '--json', 'zz\x1b[31mred\u009b2J']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const body = JSON.parse(json.stdout) as { error: { message: string } };
    expect(body.error.message).toContain('zz\x1b[31mred\u009b2J');
  });

  it('shows a file name with an escape sequence escaped in lint output', async () => {
    const dir = join(folder, 'lint-escape');
    mkdirSync(dir, { recursive: true });
    const shipped = readFileSync(join(ROOT, 'content/windows-update/0x80244001.md'), 'utf8');
    writeFileSync(
      join(dir, 'evil\x1b]0;pwned\x07.md'),
      shipped.replace(/^sources:.*\n(\s+- .*\n)*/m, ''),
    );
    const result = await erratlas(['lint', dir]);
    expect(result.code).toBe(1);
    // file:line: level: message, the file name escaped.
    expect(result.stdout).toMatch(/evil\\x1b\]0;pwned\\x07\.md:(\d+:)? error: /);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });
});
