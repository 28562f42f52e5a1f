import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/create-http-app.js';
import { compose } from '../src/compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR } from '../src/config.js';
import { ROOT, erratlas } from './run-process.js';
import { codeLookupSchema } from '../src/app/responses.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let dbCounter = 0;
/** A fresh SQLite file per test: the CLI creates, migrates and fills it on first use. */
const freshDb = (): Record<string, string> => ({
  DATABASE_URL: `sqlite:${join(folder, `cli-${++dbCounter}.db`)}`,
});

describe('erratlas lookup', () => {
  it.each(['-2145107967', '0x80244001', '80244001', '2149859329', 'wu_e_pt_soapclient_initialize'])(
    'answers %s with the name, the decode and the article (exit 0)',
    async (notation) => {
      const result = await erratlas(['lookup', notation], freshDb());
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('0x80244001  WU_E_PT_SOAPCLIENT_INITIALIZE');
      expect(result.stdout).toContain('facility: 36 FACILITY_WINDOWSUPDATE');
      expect(result.stdout).toContain('2149859329 unsigned, -2145107967 signed');
      expect(result.stdout).toContain('/windows-update/0x80244001');
    },
  );

  it('prints with --json exactly what the API returns', async () => {
    const env = freshDb();
    const result = await erratlas(['lookup', '--json', '0x80070005'], env);
    expect(result.code).toBe(0);
    const composed = await compose({
      port: 0,
      database: { kind: 'sqlite', file: (env.DATABASE_URL ?? '').slice('sqlite:'.length) },
      contentDir: BUNDLED_CONTENT_DIR,
      dataDir: BUNDLED_DATA_DIR,
    });
    const api = await createHttpApp(composed.deps).request('/api/v1/codes/0x80070005');
    expect(JSON.parse(result.stdout)).toEqual(await api.json());
    await composed.close();
  });

  it('exits 1 for a code that parses but is unknown, still printing its decode', async () => {
    const result = await erratlas(['lookup', '0x8024FFFE'], freshDb());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(not in the bundled tables)');
    expect(result.stdout).toContain('facility: 36');
  });

  it('exits 2 for input that does not parse, with the reason and suggestions on stderr', async () => {
    const result = await erratlas(['lookup', '80244O01'], freshDb());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('did you mean: 0x80244001');
  });

  it.each([
    [[], 'usage:'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['lookup'], 'erratlas lookup: missing a code'],
    [['lookup', '--colour', '0x80244001'], 'erratlas lookup: unknown option --colour'],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const result = await erratlas(args, freshDb());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a PostgreSQL DATABASE_URL clearly until that adapter exists', async () => {
    const result = await erratlas(['lookup', '0x80244001'], { DATABASE_URL: 'postgres://u@h/db' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SQLite only');
  });
});

describe('erratlas import and export', () => {
  it('imports the seed page text, and export writes it back as canonical Markdown', async () => {
    const env = freshDb();
    const seed = join(ROOT, 'test/pages/seed-0x80244001.txt');
    // The bundled article already holds windows-update/0x80244001, so this is a new revision.
    const imported = await erratlas(['import', seed], env);
    expect(imported.stderr).toBe(
      `erratlas import: database ${env.DATABASE_URL?.slice('sqlite:'.length)}\n`,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('windows-update/0x80244001: saved as revision 2');

    const out = join(folder, `export-${dbCounter}`);
    const exported = await erratlas(['export', out], env);
    expect(exported.code).toBe(0);
    const text = readFileSync(join(out, 'windows-update/0x80244001.md'), 'utf8');
    expect(text).toContain('title: "Microsoft Windows Update error 0x80244001"');
    expect(text).toContain('net stop wuauserv');

    const again = await erratlas(['import', out], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('windows-update/0x80244001: unchanged');
  });

  it('saves nothing when one file of an import is bad, and names the file and line', async () => {
    const env = freshDb();
    const dir = join(folder, 'mixed');
    rmSync(dir, { recursive: true, force: true });
    const good = readFileSync(join(ROOT, 'test/pages/seed-0x80244001.txt'), 'utf8');
    const bad = good.replace('Severity: Moderate', 'Severity: Sort of');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-good.txt'), good.replace(/0x80244001/g, '0x80244003'));
    writeFileSync(join(dir, 'b-bad.txt'), bad);
    // Named relative to the folder the command ran in, as typed: file:line: message.
    const result = await erratlas(['import', 'mixed'], env, folder);
    expect(result.code).toBe(2);
    // The database it opened (said by every database command), then the refusal.
    expect(result.stderr).toMatch(/^erratlas import: database .+\n/);
    expect(result.stderr.split('\n').slice(1).join('\n')).toBe(
      'erratlas import: nothing was imported:\n' +
        'mixed/b-bad.txt:3: unknown severity "Sort of"; expected \'Severity: <Low|Moderate|High|Critical>\', ' +
        'one of Low, Moderate, High, Critical\n',
    );
    const json = await erratlas(['import', '--json', 'mixed'], env, folder);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        code: 'invalid_article',
        message: expect.stringContaining('b-bad.txt: line 3: unknown severity') as unknown,
        issues: [
          {
            file: 'b-bad.txt',
            code: 'unknown_severity',
            path: ['severity'],
            line: 3,
            message: expect.stringContaining('unknown severity "Sort of"') as unknown,
          },
        ],
      },
    });
    const lookup = await erratlas(['lookup', '--json', '0x80244003'], env);
    expect(codeLookupSchema.parse(JSON.parse(lookup.stdout)).readings[0]?.articles).toEqual([]);
  });

  it('exits 2 when the path does not exist', async () => {
    const result = await erratlas(['import', join(folder, 'missing')], freshDb());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no file or folder at');
  });
});

describe('erratlas lint', () => {
  it('passes the shipped content (exit 0)', async () => {
    const result = await erratlas(['lint', 'content']);
    // Articles awaiting review are listed as notices; nothing else may be reported.
    expect(
      result.stdout
        .split('\n')
        .filter((line) => line !== '' && !/: notice: .* \[review-missing\]$/.test(line)),
    ).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('exits 1 and names the rule for an article that falls short of the standard', async () => {
    const shipped = readFileSync(join(ROOT, 'content/windows-update/0x80244001.md'), 'utf8');
    const file = join(folder, 'no-sources.md');
    writeFileSync(file, shipped.replace(/^sources:.*\n(\s+- .*\n)*/m, ''));
    expect(existsSync(file)).toBe(true);
    const result = await erratlas(['lint', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('sources-missing');
  });

  it('prints each problem as file:line: message, the file as given on the command line', async () => {
    const shipped = readFileSync(join(ROOT, 'content/windows-update/0x80244001.md'), 'utf8');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(folder, 'lint-lines'), { recursive: true });
    // A platform no product has, on line 7 of the front matter; and a file that does not parse.
    const lines = shipped.split('\n');
    const appliesAt = lines.findIndex((line) => line.startsWith('appliesTo:'));
    lines[appliesAt] = 'appliesTo: [windows-11, windows-10, windows-8.1, windows-7, windows-95]';
    // The shipped article may be awaiting review; the fixture is reviewed so that only the two
    // problems below are printed (the review notice is another test's concern).
    if (!lines.some((line) => line.startsWith('reviewedAt:'))) {
      lines.splice(lines.indexOf('---', 1), 0, 'reviewedAt: "2026-12-04"');
    }
    writeFileSync(join(folder, 'lint-lines', 'a.md'), lines.join('\n'));
    writeFileSync(join(folder, 'lint-lines', 'b.md'), '---\ncode: 0x80244001\n---\n');
    const result = await erratlas(['lint', 'lint-lines'], {}, folder);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^lint-lines/a\\.md:${appliesAt + 1}: error: platform "windows-95" is not a platform of ` +
            'windows-update \\(known: windows-11, .*\\) \\[platform-unknown\\]$',
        ),
      ),
      'lint-lines/b.md:2: error: code 0x80244001 is not quoted, so YAML reads it as the number ' +
        '2149859329; quote it: code: "0x80244001" [unquoted_value]',
      '',
    ]);
  });

  it('gives each problem its line, path and code with --json', async () => {
    const file = join(folder, 'lint-json.md');
    writeFileSync(file, '---\ncode: "0x80244001"\nproduct: windows-update\n---\n## Causes\n');
    const result = await erratlas(['lint', '--json', file]);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { files: { problems: unknown[] }[] };
    expect(body.files[0]?.problems).toEqual([
      {
        code: 'unexpected_content',
        level: 'error',
        path: ['meaning'],
        line: 5,
        message: expect.stringContaining('expected the first section') as unknown,
      },
    ]);
  });
});

describe('erratlas decode', () => {
  it('prints the bit fields and what the code carries', async () => {
    const result = await erratlas(['decode', '0x80070005'], freshDb());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bits      1000 0000 0000 0111 0000 0000 0000 0101');
    expect(result.stdout).toContain('S (31)    1  failure');
    expect(result.stdout).toContain('N (28)    0');
    expect(result.stdout).toContain('facility  7 (0x007) FACILITY_WIN32');
    expect(result.stdout).toContain('inside    Win32 error 5 (ERROR_ACCESS_DENIED)');
  });

  it('decodes an HRESULT_FROM_NT value to the NTSTATUS inside', async () => {
    const result = await erratlas(['decode', '0xD0000022'], freshDb());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('N (28)    1');
    expect(result.stdout).toContain('NTSTATUS 0xC0000022 (STATUS_ACCESS_DENIED)');
  });

  it('prints with --json the decode the API gives for the same code', async () => {
    const result = await erratlas(['decode', '--json', '-2147024891'], freshDb());
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      readings: { code: string; decode: { facility: { number: number } } }[];
    };
    expect(parsed.readings[0]?.code).toBe('0x80070005');
    expect(parsed.readings[0]?.decode.facility.number).toBe(7);
  });

  it('exits 2 for input that is not a code', async () => {
    const result = await erratlas(['decode', 'not-a-code'], freshDb());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^erratlas decode: "not-a-code" is not a code notation/);
  });
});

describe('erratlas lookup, code intelligence', () => {
  it('shows the family, the one-line meaning and the extend code of a setup pair', async () => {
    const result = await erratlas(['lookup', '0xC1900101 - 0x4000D'], freshDb());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('extend:   0x4000D: phase 4 SP_EXECUTION_OOBE_BOOT');
    expect(result.stdout).toContain('family:   windows-setup');
  });

  it('prints every reading of an ambiguous number, most likely first', async () => {
    const result = await erratlas(['lookup', '259'], freshDb());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"259" can be read 2 ways');
    expect(result.stdout.indexOf('1. 0x80070103')).toBeLessThan(
      result.stdout.indexOf('2. 0x00000103'),
    );
  });
});

describe('lookup and decode write no database', () => {
  it.each([
    ['lookup', '0x80244001'],
    ['decode', '0x80070005'],
  ])(
    '%s run outside the project creates no file, and answers from the bundled tables',
    async (...args) => {
      const cwd = mkdtempSync(join(folder, 'elsewhere-'));
      // No DATABASE_URL: the default, ./var/atlas.db in the current folder, is what must not appear.
      expect(process.env.DATABASE_URL).toBeUndefined();
      const result = await erratlas(args, {}, cwd);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(readdirSync(cwd)).toEqual([]);
      if (args[0] === 'lookup') {
        // The bundled article is found without any database.
        expect(result.stdout).toContain('http://localhost:3000/windows-update/0x80244001');
      }
    },
  );

  it('lookup reads an existing database read-only: says so, shows its articles, changes nothing', async () => {
    const env = freshDb();
    const file = (env.DATABASE_URL ?? '').slice('sqlite:'.length);
    const seed = readFileSync(join(ROOT, 'test/pages/seed-0x80244001.txt'), 'utf8');
    const page = join(folder, 'only-in-db.txt');
    writeFileSync(page, seed.replace(/0x80244001/g, '0x80244007'));
    expect((await erratlas(['import', page], env)).code).toBe(0);
    const before = readFileSync(file);
    const siblings = readdirSync(folder).filter((name) => name.startsWith(`cli-${dbCounter}.db`));

    const result = await erratlas(['lookup', '0x80244007'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`erratlas lookup: articles from database ${file} (read-only)\n`);
    expect(result.stdout).toContain('/windows-update/0x80244007');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.startsWith(`cli-${dbCounter}.db`))).toEqual(
      siblings,
    );
  });

  it('lookup falls back to the bundled content, saying why, when the database file is not one', async () => {
    const file = join(folder, 'not-a-database.db');
    writeFileSync(file, 'just text\n');
    const result = await erratlas(['lookup', '0x80244001'], { DATABASE_URL: `sqlite:${file}` });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^erratlas lookup: ${file} cannot be read \\(.+\\); articles from the bundled content\\n$`,
      ),
    );
    expect(result.stdout).toContain('/windows-update/0x80244001');
    expect(readFileSync(file, 'utf8')).toBe('just text\n');
  });

  it('export and import say on stderr which database they use; --json stdout stays JSON', async () => {
    const env = freshDb();
    const file = (env.DATABASE_URL ?? '').slice('sqlite:'.length);
    const imported = await erratlas(
      ['import', '--json', join(ROOT, 'test/pages/seed-0x80244001.txt')],
      env,
    );
    expect(imported.stderr).toBe(`erratlas import: database ${file}\n`);
    expect(JSON.parse(imported.stdout)).toHaveProperty('imported');
    const exported = await erratlas(['export', join(folder, `said-${dbCounter}`)], env);
    expect(exported.stderr.split('\n')[0]).toBe(`erratlas export: database ${file}`);
  });
});

describe('erratlas serve', () => {
  it('refuses a port in use in words, exit 2, and stops', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, done));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await erratlas(['serve', '--port', String(port), '--db', 'sqlite::memory:']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `erratlas serve: port ${port} is already in use; choose another with --port or PORT\n`,
      );
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });
});
