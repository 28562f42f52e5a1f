import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { writeArticleMarkdown } from './markdown-write.js';
import { writeProcedureMarkdown } from './procedure-markdown.js';
import { type Article, articleSchema, type ArticleInput } from './schema.js';

const article = (input: Partial<ArticleInput>): Article =>
  articleSchema.parse({
    code: '0x80244001',
    product: 'windows-update',
    title: 'Windows Update error 0x80244001',
    severity: 'moderate',
    meaning: { summary: 'The update client could not start.' },
    ...input,
  });

describe('writeArticleMarkdown', () => {
  it('writes the canonical text: keys and sections in order, absent ones left out', () => {
    const text = writeArticleMarkdown(
      article({
        reviewedAt: '2026-11-26',
        sources: [
          'Windows Update error codes',
          { title: 'Repair a Windows Image', url: 'https://learn.microsoft.com/repair' },
        ],
        messages: [{ lang: 'de', where: 'settings', text: 'Fehler "x"' }],
        retry: { when: 'after-fix', reason: 'Reset first.', firstFix: 'reset' },
        related: ['0x80244007'],
        appliesTo: ['windows-11', '7'],
        meaning: { summary: 'Plain words.', detail: 'Details.' },
        faq: [{ question: 'What is SOAP?', answer: 'A protocol.' }],
        fixes: [
          {
            id: 'reset',
            title: 'Reset',
            minutes: 5,
            admin: true,
            actions: [
              { step: 'First line.\n\nSecond paragraph.' },
              {
                command: 'Stop-Service `\n  wuauserv',
                shell: 'powershell',
                condition: 'On Windows 10',
              },
            ],
            verify: { text: 'It runs.' },
          },
        ],
      }),
    );
    expect(text).toBe(
      [
        '---',
        'code: "0x80244001"',
        'product: windows-update',
        'title: "Windows Update error 0x80244001"',
        'severity: moderate',
        'appliesTo: [windows-11, "7"]',
        'related: ["0x80244007"]',
        'retry: { when: after-fix, reason: "Reset first.", firstFix: reset }',
        'sources:',
        '  - "Windows Update error codes"',
        '  - { title: "Repair a Windows Image", url: "https://learn.microsoft.com/repair" }',
        'messages:',
        '  - { lang: de, where: settings, text: "Fehler \\"x\\"" }',
        'reviewedAt: "2026-11-26"',
        '---',
        '## What does this error mean?',
        'Plain words.',
        '',
        '### In detail',
        'Details.',
        '',
        '## How to fix it',
        '### Reset {#reset}',
        '```yaml',
        'admin: true',
        'minutes: 5',
        '```',
        '1. First line.',
        '',
        '   Second paragraph.',
        '2. On Windows 10:',
        '   ```powershell',
        '   Stop-Service `',
        '     wuauserv',
        '   ```',
        '',
        '**Verify:** It runs.',
        '',
        '## Frequently asked questions',
        '### What is SOAP?',
        'A protocol.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      'a summary line that is a heading',
      { meaning: { summary: 'A\n### B\n## C' } },
      'A\n\\### B\n\\## C\n',
    ],
    [
      'a summary line with a backslash before a heading',
      { meaning: { summary: 'A\n\\## B' } },
      'A\n\\\\## B\n',
    ],
    [
      'an answer line that is a heading',
      { faq: [{ question: 'Q', answer: 'A\n### B' }] },
      '### Q\nA\n\\### B\n',
    ],
    [
      'an escalation line that is a section heading',
      { escalation: 'A\n## B\n### C' },
      'A\n\\## B\n### C\n',
    ],
    ['a cause ending in braces', { causes: [{ text: 'Set {x}', fixes: [] }] }, '- Set \\{x}\n'],
    [
      'a step that starts with a fence',
      { fixes: [{ id: 'f', title: 'F', actions: [{ step: '```cmd\nnot a command' }] }] },
      '1. \\```cmd\n   not a command\n',
    ],
    [
      'a Why line that is a label',
      { fixes: [{ id: 'f', title: 'F', actions: [{ step: 's' }], why: 'A\n**Verify:** B' }] },
      '**Why:** A\n\\**Verify:** B\n',
    ],
    [
      'a command with a run of three backticks',
      { fixes: [{ id: 'f', title: 'F', actions: [{ command: 'echo ```', shell: 'cmd' }] }] },
      '1. ````cmd\n   echo ```\n   ````\n',
    ],
    [
      'a fix title ending in {#…}',
      { fixes: [{ id: 'f', title: 'Use {#x}', actions: [{ step: 's' }] }] },
      '### Use {#x} {#f}\n',
    ],
  ] as const)('escapes %s', (_name, input, written) => {
    expect(writeArticleMarkdown(article(input as Partial<ArticleInput>))).toContain(written);
  });

  it.each([
    [
      'fix title',
      { fixes: [{ id: 'f', title: 'Two\nlines', actions: [{ step: 's' }] }] },
      /fixes.0.title: a fix title/,
    ],
    [
      'question',
      { faq: [{ question: 'Two\nlines?', answer: 'A.' }] },
      /faq.0.question: a question/,
    ],
  ])('refuses a line break in a %s, which a heading cannot hold', (_name, input, message) => {
    let thrown: unknown;
    try {
      writeArticleMarkdown(article(input));
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown) && thrown.code).toBe('invalid_article');
    expect(isDomainError(thrown) && thrown.message).toMatch(message);
  });
});

describe('writeProcedureMarkdown', () => {
  it('writes the front matter and the body of one fix, with no heading', () => {
    const text = writeProcedureMarkdown({
      id: 'reset-components',
      title: 'Reset "the" components',
      actions: [{ step: 'Stop the service.' }],
      why: 'It helps.',
    });
    expect(text).toBe(
      '---\nid: reset-components\ntitle: "Reset \\"the\\" components"\n---\n1. Stop the service.\n\n**Why:** It helps.\n',
    );
  });
});
