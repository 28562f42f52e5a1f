import { describe, expect, it } from 'vitest';
import { MAX_FIELD_BYTES, MAX_FILE_BYTES } from './content-limits.js';
import { readArticleMarkdown, readArticleSource } from './markdown-read.js';
import { readProcedureMarkdown } from './procedure-markdown.js';

/** A small valid article; line numbers on the right. */
const BASE = [
  '---', // 1
  'code: "0x80244001"', // 2
  'product: windows-update', // 3
  'title: "Windows Update error 0x80244001"', // 4
  'severity: moderate', // 5
  'appliesTo: [windows-11, windows-10]', // 6
  '---', // 7
  '## What does this error mean?', // 8
  'The update client could not start.', // 9
  '', // 10
  '## How to fix it', // 11
  '### Reset the components {#reset-components}', // 12
  '```yaml', // 13
  'admin: true', // 14
  'platforms: [windows-11]', // 15
  '```', // 16
  '1. Open Command Prompt as administrator.', // 17
  '2. ```cmd', // 18
  '   net stop wuauserv', // 19
  '   ```', // 20
  '', // 21
  '**Why:** It clears the damaged state.', // 22
  '',
].join('\n');

function variant(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`the base article has no ${JSON.stringify(from)}`);
  return BASE.replace(from, to);
}

function issuesOf(text: string) {
  const read = readArticleMarkdown(text);
  if (read.ok) throw new Error('expected the article to be refused');
  return read.reason;
}

describe('readArticleMarkdown: refusals keep their data', () => {
  it.each([
    [
      'an unknown section',
      variant('## How to fix it', '## How to fix'),
      { code: 'unknown_section', path: [], line: 11 },
    ],
    [
      'an unquoted code',
      variant('code: "0x80244001"', 'code: 0x80244001'),
      { code: 'unquoted_value', path: ['code'], line: 2 },
    ],
    [
      'an unknown front matter key',
      variant('severity: moderate', 'severity: moderate\ncolour: blue'),
      { code: 'unknown_key', path: ['colour'], line: 6 },
    ],
    [
      'an unknown severity (the schema, with zod’s code)',
      variant('severity: moderate', 'severity: dire'),
      { code: 'invalid_value', path: ['severity'], line: 5 },
    ],
    [
      'a platform id that is not a slug, inside a fix',
      variant('platforms: [windows-11]', 'platforms: [windows-11, "Windows 10"]'),
      { code: 'invalid_format', path: ['fixes', 0, 'platforms', 1], line: 15 },
    ],
    [
      'a command fence without a shell',
      variant('2. ```cmd', '2. ```'),
      { code: 'shell_missing', path: ['fixes', 0, 'actions', 1, 'shell'], line: 18 },
    ],
    [
      'a stray paragraph in a fix',
      variant('**Why:**', 'Then wait.\n\n**Why:**'),
      { code: 'unexpected_content', path: ['fixes', 0], line: 22 },
    ],
    [
      'a fence that is not closed',
      variant('   ```\n', '\n'),
      { code: 'unclosed_fence', path: [], line: 18 },
    ],
  ])('%s: code, path and line', (_name, text, expected) => {
    const failure = issuesOf(text);
    expect(failure.issues).toHaveLength(1);
    expect(failure.issues[0]).toMatchObject(expected);
    // The text people read is unchanged: "line N: message".
    expect(failure.message).toBe(`line ${expected.line}: ${failure.issues[0]?.message ?? ''}`);
  });

  it('names several schema problems at once', () => {
    const failure = issuesOf(
      variant('title: "Windows Update error 0x80244001"\nseverity: moderate', 'severity: dire'),
    );
    expect(failure.issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid_type', path: ['title'] },
      { code: 'invalid_value', path: ['severity'] },
    ]);
    expect(failure.message).toBe(
      failure.issues.map((issue) => `line ${issue.line ?? ''}: ${issue.message}`).join('; '),
    );
  });

  it('gives the line of each field, so later problems (lint) can name theirs', () => {
    const read = readArticleSource(BASE);
    if (!read.ok) throw new Error(read.reason.message);
    expect(read.value.lines.get('appliesTo.1')).toBe(6);
    expect(read.value.lines.get('fixes.0.platforms')).toBe(15);
    expect(read.value.lines.get('fixes.0.why')).toBe(22);
  });
});

describe('sizes', () => {
  it(`refuses a file over ${MAX_FILE_BYTES / 1024} KiB before reading it`, () => {
    // Not an article at all: were it parsed, the refusal would be about its front matter.
    const failure = issuesOf('x'.repeat(MAX_FILE_BYTES + 1));
    expect(failure.issues).toEqual([
      {
        code: 'too_large',
        path: [],
        message: expect.stringContaining('the file is over 256 KiB') as unknown,
      },
    ]);
  });

  it('counts bytes, not characters: a file of three-byte characters is refused at a third', () => {
    const euros = '€'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 1);
    expect(issuesOf(variant('The update client could not start.', euros)).issues[0]?.code).toBe(
      'too_large',
    );
  });

  it(`accepts a field of exactly ${MAX_FIELD_BYTES / 1024} KiB`, () => {
    const summary = 'a'.repeat(MAX_FIELD_BYTES);
    const read = readArticleMarkdown(variant('The update client could not start.', summary));
    expect(read.ok).toBe(true);
  });

  it.each([
    [
      'the summary',
      (big: string) => variant('The update client could not start.', big),
      ['meaning', 'summary'],
      8,
    ],
    [
      "a fix's why",
      (big: string) => variant('It clears the damaged state.', big),
      ['fixes', 0, 'why'],
      22,
    ],
    [
      'a command',
      (big: string) => variant('   net stop wuauserv', `   net stop ${big}`),
      ['fixes', 0, 'actions', 1, 'command'],
      18,
    ],
  ])('refuses %s over the field limit, naming its path and line', (_name, make, path, line) => {
    const failure = issuesOf(make('b'.repeat(MAX_FIELD_BYTES + 1)));
    expect(failure.issues).toEqual([
      {
        code: 'too_large',
        path,
        line,
        message: `${path.join('.')}: is over 32 KiB (at least 33 KiB); a field may be at most that large: split the text or link to a longer document`,
      },
    ]);
  });

  it('refuses a procedure file over the file limit too', () => {
    const read = readProcedureMarkdown(`---\nid: x\n---\n${'y'.repeat(MAX_FILE_BYTES)}`);
    expect(read.ok ? 'read' : read.reason.issues[0]?.code).toBe('too_large');
  });
});
