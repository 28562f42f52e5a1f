import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticleMarkdown } from './markdown-read.js';
import { writeArticleMarkdown } from './markdown-write.js';
import { readProcedureMarkdown, writeProcedureMarkdown } from './procedure-markdown.js';
import {
  type Article,
  articleSchema,
  MESSAGE_PLACES,
  type Procedure,
  procedureSchema,
  RETRY_WHEN,
  SLUG,
} from './schema.js';

/** Pieces that mean something to Markdown or to the format, mixed into every text. */
const PIECES = [
  '#',
  '## ',
  '### ',
  '##',
  '###',
  '#### ',
  '*',
  '**',
  '**Why:**',
  '**Verify:**',
  '`',
  '``',
  '```',
  '```cmd',
  '````powershell',
  '~~~',
  '{',
  '}',
  '{fixes: [a]}',
  '{#id}',
  '{x}',
  '1.',
  '2. ',
  '10) ',
  '- ',
  '-',
  '* ',
  '> ',
  ':',
  '::',
  '\\',
  '\\\\',
  '\\##',
  '\\{',
  ' ',
  '  ',
  '\t',
  'a',
  'Word',
  'Stop-Service',
  'net stop wuauserv',
  '0x80244001',
  '%SystemRoot%',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|',
  '---',
  'é',
  '→',
  '😀',
  '\u2028',
  '\u0085',
  '\u0000',
  '\ufeff',
];

/** A line of text: pieces and random code points (no CR: a file's line ends read as LF). */
const lineText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join('').replace(/[\r\n]/g, ''));

/** What the schema keeps of a text: trimmed, non-empty. */
const asText = (raw: string): string => raw.trim() || 'x';

/** Multi-line text: lines (some blank, some indented) joined by LF. */
const text = fc
  .array(
    fc.oneof(
      lineText,
      fc.constant(''),
      lineText.map((l) => `   ${l}`),
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((lines) => asText(lines.join('\n')));
const oneLine = lineText.map(asText);

const slug = fc.oneof(
  fc.constantFrom('windows-11', 'windows-10', 'windows-8.1', '7', '1.5', 'null', 'true', '0x1f'),
  fc.stringMatching(SLUG, { maxLength: 12 }),
);
const code = fc
  .integer({ min: 0, max: 0xffffffff })
  .map((n) => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`);
const shell = fc.constantFrom('cmd' as const, 'powershell' as const);
/** Commands: multi-line (PowerShell), with backtick runs that a fence must outlast. */
const commandText = fc
  .array(fc.oneof(lineText, fc.constantFrom('```', '````', 'Get-Item `', '## x', '')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((lines) => asText(lines.join('\n')));

/** fast-check's records have no prototype unless told; the readers build plain objects. */
const plain = { noNullPrototype: true } as const;

const action = fc.oneof(
  fc.record({ step: text }, plain),
  fc.record(
    { command: commandText, shell, condition: text },
    { noNullPrototype: true, requiredKeys: ['command', 'shell'] },
  ),
);
const verify = fc.record(
  { text, command: fc.record({ command: commandText, shell }, plain) },
  { noNullPrototype: true, requiredKeys: ['text'] },
);
const attributes = {
  why: text,
  verify,
  admin: fc.boolean(),
  restart: fc.boolean(),
  risk: fc.constantFrom('safe' as const, 'moderate' as const, 'destructive' as const),
  reversible: fc.boolean(),
  undo: text,
  platforms: fc.array(slug, { maxLength: 3 }),
  minutes: fc.integer({ min: 1, max: 600 }),
};

const inlineFix = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      title: oneLine,
      actions: fc.array(action, { minLength: 1, maxLength: 4 }),
      ...attributes,
    },
    { noNullPrototype: true, requiredKeys: ['id', 'title', 'actions'] },
  );
const procedureFix = (id: string) =>
  fc.record(
    { id: fc.constant(id), use: slug, title: oneLine, ...attributes },
    { noNullPrototype: true, requiredKeys: ['id', 'use'] },
  );

const article: fc.Arbitrary<Article> = fc.uniqueArray(slug, { maxLength: 4 }).chain((ids) =>
  fc.record(
    {
      code,
      product: slug,
      title: text,
      severity: fc.constantFrom(
        'low' as const,
        'moderate' as const,
        'high' as const,
        'critical' as const,
      ),
      appliesTo: fc.array(slug, { maxLength: 3 }),
      meaning: fc.record(
        { summary: text, official: text, detail: text },
        { noNullPrototype: true, requiredKeys: ['summary'] },
      ),
      causes: fc.array(fc.record({ text, fixes: fc.subarray(ids) }, plain), { maxLength: 3 }),
      fixes: fc.tuple(...ids.map((id) => fc.oneof(inlineFix(id), procedureFix(id)))),
      escalation: text,
      faq: fc.array(fc.record({ question: oneLine, answer: text }, plain), { maxLength: 3 }),
      related: fc.array(code, { maxLength: 2 }),
      // firstFix may name only a fix the article has: the schema refuses any other id.
      retry:
        ids.length > 0
          ? fc.record(
              {
                when: fc.constantFrom(...RETRY_WHEN),
                reason: text,
                firstFix: fc.constantFrom(...ids),
              },
              { noNullPrototype: true, requiredKeys: ['when', 'reason'] },
            )
          : fc.record({ when: fc.constantFrom(...RETRY_WHEN), reason: text }, plain),
      sources: fc.array(
        fc.oneof(
          text,
          fc.record(
            { title: text, url: fc.webUrl() },
            { noNullPrototype: true, requiredKeys: ['title'] },
          ),
        ),
        { maxLength: 2 },
      ),
      messages: fc.array(
        fc.record(
          {
            lang: fc.constantFrom('en', 'de', 'fr', 'es', 'ru', 'pt-BR'),
            where: fc.constantFrom(...MESSAGE_PLACES),
            text,
          },
          plain,
        ),
        { maxLength: 2 },
      ),
      reviewedAt: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    },
    {
      noNullPrototype: true,
      requiredKeys: [
        'code',
        'product',
        'title',
        'severity',
        'appliesTo',
        'meaning',
        'causes',
        'fixes',
        'faq',
        'related',
        'sources',
        'messages',
      ],
    },
  ),
);

describe('article Markdown round trip', () => {
  it('reads back what it wrote, and writes a read file byte for byte', () => {
    fc.assert(
      fc.property(article, (generated) => {
        // The generator must stay inside the schema, or the property proves nothing.
        expect(articleSchema.parse(generated)).toStrictEqual(generated);
        const written = writeArticleMarkdown(generated);
        const read = readArticleMarkdown(written);
        expect(read).toStrictEqual({ ok: true, value: generated });
        if (read.ok) expect(writeArticleMarkdown(read.value)).toBe(written);
      }),
      { numRuns: 400 },
    );
  });

  it('reads back a procedure it wrote, and writes it again byte for byte', () => {
    const procedure: fc.Arbitrary<Procedure> = slug.chain((id) => inlineFix(id));
    fc.assert(
      fc.property(procedure, (generated) => {
        expect(procedureSchema.parse(generated)).toStrictEqual(generated);
        const written = writeProcedureMarkdown(generated);
        const read = readProcedureMarkdown(written);
        expect(read).toStrictEqual({ ok: true, value: generated });
        if (read.ok) expect(writeProcedureMarkdown(read.value)).toBe(written);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the examples in docs/ARTICLE-FORMAT.md', () => {
  const doc = readFileSync(new URL('../../../docs/ARTICLE-FORMAT.md', import.meta.url), 'utf8');
  const block = (pattern: RegExp): string => {
    const found = pattern.exec(doc)?.[1];
    if (found === undefined) throw new Error(`no example matching ${String(pattern)} in the doc`);
    return found;
  };

  it('reads the front matter and body examples as one article', () => {
    const front = block(/```yaml\n(---\n[\s\S]*?\n---)\n```/).replace(/ +#.*$/gm, '');
    const body = block(/````markdown\n(## What[\s\S]*?)\n````/);
    const read = readArticleMarkdown(`${front}\n${body}\n`);
    expect(read.ok ? read.value.fixes.map((fix) => fix.id) : read.reason.message).toStrictEqual([
      'reset-components',
      'reset-again',
    ]);
    expect(read.ok && read.value.fixes[0]).toMatchObject({
      actions: [
        { step: 'Open Command Prompt as administrator.' },
        { command: 'net stop wuauserv', shell: 'cmd' },
        {
          command: 'Stop-Service wuauserv',
          shell: 'powershell',
          condition: 'Or on Windows 10 and later',
        },
      ],
      verify: { command: { command: 'sc query wuauserv', shell: 'cmd' } },
      minutes: 10,
    });
    expect(read.ok && read.value.faq[0]?.answer).toContain('```cmd\nnetsh winhttp show proxy\n```');
  });

  it('reads the procedure example', () => {
    const read = readProcedureMarkdown(`${block(/````markdown\n(---\nid:[\s\S]*?)\n````/)}\n`);
    expect(read).toStrictEqual({
      ok: true,
      value: {
        id: 'reset-windows-update-components',
        title: 'Reset the Windows Update components',
        admin: true,
        actions: [{ step: '…' }],
        why: '…',
      },
    });
  });
});
