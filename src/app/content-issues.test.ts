import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import type { Composed } from '../compose.js';
import { errorBody } from './error-body.js';
import { importContent } from './import-content.js';
import { lintContent } from './lint-content.js';
import { dayOf } from '../core/products/platform-support.js';

/** Issues through the real use cases: the bundled registry, tables and a store. */
let composed: Composed;
beforeAll(async () => {
  composed = await composeForTest();
});
afterAll(async () => {
  await composed.close();
});

const shipped = readFileSync(
  new URL('../../content/windows-update/0x80244001.md', import.meta.url),
  'utf8',
);
/** The day the tests run, from the composed clock: lint judges support as of today. */
const today = (): string => dayOf(composed.deps.clock.now());
const lineOf = (text: string, start: string): number =>
  text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

describe('lintContent: every problem names its line', () => {
  it('a lint problem gets the line of its field; a field the file lacks gets line 1', () => {
    const text = shipped
      .replace(/^appliesTo: \[(.*)\]$/m, 'appliesTo: [$1, windows-95]')
      .replace(/^reviewedAt: .*\n/m, '');
    const [linted] = lintContent(
      {
        registry: composed.deps.registry,
        catalog: composed.deps.catalog,
        procedures: new Map(),
        today: today(),
      },
      [{ path: 'windows-update/0x80244001.md', text }],
    );
    expect(linted?.problems.map(({ code, path, line }) => ({ code, path, line }))).toEqual(
      expect.arrayContaining([
        { code: 'platform-unknown', path: ['appliesTo', 4], line: lineOf(text, 'appliesTo:') },
        { code: 'review-missing', path: ['reviewedAt'], line: 1 },
      ]),
    );
  });

  it('a file that does not parse gives the reader’s issues', () => {
    const [linted] = lintContent(
      {
        registry: composed.deps.registry,
        catalog: composed.deps.catalog,
        procedures: new Map(),
        today: today(),
      },
      [{ path: 'x.md', text: shipped.replace('## Common causes', '## Causes') }],
    );
    expect(linted?.problems).toEqual([
      expect.objectContaining({
        code: 'unknown_section',
        level: 'error',
        line: lineOf(shipped, '## Common causes'),
      }),
    ]);
  });
});

describe('lintContent: a family’s problems name their line too', () => {
  it('the retry advice naming an unknown procedure, at its line', () => {
    const family = readFileSync(
      new URL('../../content/families/wu-pt.md', import.meta.url),
      'utf8',
    ).replace(/^retry: \{ when: (\S+), (.*) \}$/m, 'retry: { when: $1, $2, firstFix: nope }');
    const [linted] = lintContent(
      {
        registry: composed.deps.registry,
        catalog: composed.deps.catalog,
        procedures: new Map(),
        today: today(),
      },
      [{ path: 'families/wu-pt.md', text: family }],
    );
    expect(linted?.problems.map(({ code, path, line }) => ({ code, path, line }))).toEqual([
      { code: 'procedure-unknown', path: ['retry', 'firstFix'], line: lineOf(family, 'retry:') },
    ]);
  });
});

describe('importContent → errorBody: the API and --json carry the issues', () => {
  it('refuses a bad file with every issue, its file, line, path and code', async () => {
    const bad = shipped.replace(/^severity: .*$/m, 'severity: dire');
    const thrown = await importContent(
      composed.deps,
      [
        { path: 'a.md', text: shipped.replace(/0x80244001/g, '0x80244003') },
        { path: 'b.md', text: bad },
      ],
      { author: 't', reason: 't', requireCanonicalPaths: false },
    ).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DomainError);
    const body = errorBody(thrown);
    expect(body.error.code).toBe('invalid_article');
    // The message people read stays as it was.
    expect(body.error.message).toBe(
      `b.md: line ${lineOf(bad, 'severity:')}: severity: Invalid option: expected one of "low"|"moderate"|"high"|"critical"`,
    );
    expect(body.error.issues).toEqual([
      {
        file: 'b.md',
        code: 'invalid_value',
        path: ['severity'],
        line: lineOf(bad, 'severity:'),
        message: 'severity: Invalid option: expected one of "low"|"moderate"|"high"|"critical"',
      },
    ]);
    // Nothing of the good file was saved.
    expect(await composed.deps.store.getArticle('windows-update', '0x80244003')).toBeUndefined();
  });

  it('names a procedure nobody has at the line of its use', async () => {
    const text = [
      '---',
      'code: "0x80244001"',
      'product: windows-update',
      'title: "Windows Update error 0x80244001"',
      'severity: moderate',
      '---',
      '## What does this error mean?',
      'The update client could not start.',
      '',
      '## How to fix it',
      '### Reset the components {#reset-components}',
      '```yaml',
      'use: no-such-procedure', // line 13
      '```',
      '',
    ].join('\n');
    const thrown = await importContent(composed.deps, [{ path: 'c.md', text }], {
      author: 't',
      reason: 't',
      requireCanonicalPaths: false,
    }).catch((error: unknown) => error);
    expect(errorBody(thrown).error.issues).toEqual([
      expect.objectContaining({
        file: 'c.md',
        code: 'unknown_procedure',
        path: ['fixes', 0, 'use'],
        line: 13,
      }),
    ]);
  });

  it('leaves out details that are not issues', () => {
    const error = new DomainError('invalid_article', 'bad', {
      issues: [{ code: 'x', path: ['a'], message: 'm' }, { secret: 'kept out' }],
    });
    expect(errorBody(error).error.issues).toEqual([{ code: 'x', path: ['a'], message: 'm' }]);
  });
});
