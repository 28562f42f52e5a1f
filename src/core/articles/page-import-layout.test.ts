import { describe, expect, it } from 'vitest';
import {
  importOk as importPageWith,
  loadRegistry,
} from '../../test-support/page-import-fixtures.js';
import { importPageText } from './page-import.js';
import type { Article } from './schema.js';
import type { ProductRegistry } from '../products/registry.js';

/** The layout's variations and its malformed forms, on pages built line by line. */

const registry = loadRegistry();

const HEADER = [
  '0x80244001',
  'Microsoft Windows Update',
  'Severity: ModerateWhat Does This Error Mean?',
];
const MEANING = 'The update client could not start its web service layer.';
const page = (...lines: string[]): string => lines.join('\n');
const minimal = (...rest: string[]): string => page(...HEADER, MEANING, ...rest);

const importOk = (text: string): Article => importPageWith(text, registry);

describe('importPageText: layout variations', () => {
  it.each([
    ['Low', 'low'],
    ['Moderate', 'moderate'],
    ['High', 'high'],
    ['Critical', 'critical'],
    ['CRITICAL', 'critical'],
  ])('reads the glued severity line "Severity: %sWhat Does This Error Mean?"', (word, level) => {
    const text = page(
      HEADER[0] ?? '',
      HEADER[1] ?? '',
      `Severity: ${word}What Does This Error Mean?`,
      MEANING,
    );
    expect(importOk(text).severity).toBe(level);
  });

  it.each(['0x80244001', '0X80244001', '0x80244001'.toLowerCase(), '80244001', '  0x80244001  '])(
    'reads the code line %j as 0x80244001',
    (line) => {
      expect(importOk(page(line, ...HEADER.slice(1), MEANING)).code).toBe('0x80244001');
    },
  );

  it('accepts a page of header and meaning only: every section is optional', () => {
    const article = importOk(minimal());
    expect(article.meaning.summary).toBe(MEANING);
    expect([article.appliesTo, article.causes, article.fixes, article.faq]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(article.escalation).toBeUndefined();
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line endings as LF', (_name, ending) => {
    const text = minimal(
      'Affected Models',
      '- Windows 10',
      'How to Fix It',
      '-',
      'Fix it. Run: sfc /scannow.',
    );
    expect(importOk(text.replaceAll('\n', ending))).toEqual(importOk(text));
  });

  it('ignores trailing whitespace, blank lines and a byte-order mark', () => {
    const text = minimal(
      'Affected Models',
      '- Windows 10',
      'How to Fix It',
      '-',
      'Fix it. Run: sfc /scannow.',
    );
    const messy = `\uFEFF${text
      .split('\n')
      .map((line) => `${line} \t`)
      .join('\n\n')}\n`;
    expect(importOk(messy)).toEqual(importOk(text));
  });

  it('gives a title used twice distinct ids', () => {
    const article = importOk(
      minimal(
        'How to Fix It',
        '-',
        'Restart the PC. Restart it.',
        '-',
        'Restart the PC. Restart it again.',
      ),
    );
    expect(article.fixes.map((fix) => fix.id)).toEqual(['restart-the-pc', 'restart-the-pc-2']);
  });

  it('accepts "- Title. instructions" on the dash line and a fix with no why line', () => {
    const article = importOk(
      minimal('How to Fix It', '- Scan the system files. Run: sfc /scannow.'),
    );
    expect(article.fixes).toEqual([
      {
        id: 'scan-the-system-files',
        title: 'Scan the system files',
        actions: [{ command: 'sfc /scannow', shell: 'cmd' }],
      },
    ]);
  });

  it('joins several why lines into one paragraph', () => {
    const article = importOk(
      minimal('How to Fix It', '-', 'Scan. Run: sfc /scannow.', 'One.', 'Two.'),
    );
    expect(article.fixes[0]?.why).toBe('One. Two.');
  });
});

describe('importPageText: malformed pages name the line and what was expected', () => {
  it.each([
    ['an empty page', '', 1, 'expected the error code'],
    [
      'no code on line 1',
      page('Error 0x80244001', ...HEADER.slice(1), MEANING),
      1,
      'expected the error code as "0x" and 8 hex digits',
    ],
    ['a 7-digit code', page('0x8024401', ...HEADER.slice(1), MEANING), 1, 'found "0x8024401"'],
    ['no product line', '0x80244001', 2, 'expected the product name'],
    [
      'an unknown product',
      page('0x80244001', 'Microsoft Widows Update', HEADER[2] ?? '', MEANING),
      2,
      'unknown product "Microsoft Widows Update"; known products: "Microsoft Windows Update"',
    ],
    [
      'no severity line',
      page(...HEADER.slice(0, 2), MEANING),
      3,
      "expected 'Severity: <Low|Moderate|High|Critical>'",
    ],
    [
      'a severity line without a colon',
      page(...HEADER.slice(0, 2), 'Severity ModerateWhat Does This Error Mean?'),
      3,
      "expected 'Severity: <Low|Moderate|High|Critical>'",
    ],
    [
      'an unknown severity',
      page(...HEADER.slice(0, 2), 'Severity: SevereWhat Does This Error Mean?', MEANING),
      3,
      'unknown severity "Severe"',
    ],
    [
      'no meaning paragraph',
      page(...HEADER, 'Affected Models', '- Windows 10'),
      4,
      'expected the meaning paragraph',
    ],
    [
      'an unknown platform',
      minimal('Affected Models', '- Windows 10', '- Windows 12'),
      7,
      'unknown platform "Windows 12"; known platforms: "Windows 11"',
    ],
    [
      'a platform listed twice',
      minimal('Affected Models', '- Windows 10', '- Windows 10'),
      7,
      'platform "Windows 10" is listed twice',
    ],
    [
      'a platform without "- "',
      minimal('Affected Models', 'Windows 10'),
      6,
      "expected '- <platform name>'",
    ],
    [
      'an empty platform list',
      minimal('Affected Models', 'Common Causes', '- A cause'),
      6,
      "expected '- <platform name>' lines",
    ],
    [
      'a cause without "- "',
      minimal('Common Causes', 'A proxy is wrong'),
      6,
      "expected '- <cause>'",
    ],
    [
      'text before the first fix',
      minimal('How to Fix It', 'Reset everything. Run: sfc /scannow.'),
      6,
      "expected '-' on its own line to start a fix",
    ],
    [
      'a dash before a heading',
      minimal('How to Fix It', '-', 'When to Call a Professional', 'Call.'),
      7,
      "expected a fix title sentence after '-'",
    ],
    [
      'a dash at the end of the page',
      minimal('How to Fix It', '-'),
      7,
      'expected a fix title sentence after \'-\' ("<Title>. <instructions>"), found nothing',
    ],
    [
      'a title with no instructions',
      minimal('How to Fix It', '-', 'Reset everything'),
      7,
      "expected a fix title sentence after '-'",
    ],
    [
      'a title with no letters',
      minimal('How to Fix It', '-', '!!. Run: sfc /scannow.'),
      7,
      'has no letters or digits',
    ],
    [
      'an empty fix section',
      minimal('How to Fix It', 'Frequently Asked Questions', 'Q?', 'A.'),
      6,
      'expected at least one fix',
    ],
    [
      'an empty escalation',
      minimal('When to Call a Professional'),
      6,
      'expected a paragraph under "When to Call a Professional"',
    ],
    [
      'an answer before any question',
      minimal('Frequently Asked Questions', 'It is a protocol.'),
      6,
      "expected a question ending in '?'",
    ],
    [
      'a question without an answer',
      minimal('Frequently Asked Questions', 'What is SOAP?'),
      7,
      'expected the answer to "What is SOAP?"',
    ],
    [
      'sections out of order',
      minimal('How to Fix It', '-', 'Scan. Run: sfc /scannow.', 'Affected Models', '- Windows 10'),
      8,
      'section "Affected Models" is out of place',
    ],
    [
      'a section twice',
      minimal('Common Causes', '- One', 'Common Causes', '- Two'),
      7,
      'section "Common Causes" is out of place',
    ],
  ])('%s', (_name, text, line, message) => {
    const result = importPageText(text, registry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.message.startsWith(`line ${line}: `)).toBe(true);
    expect(result.reason.message).toContain(message);
  });

  it('refuses a platform that the product does not list', () => {
    const narrow: ProductRegistry = {
      ...registry,
      products: registry.products.map((p) => ({ ...p, platforms: ['windows-11'] })),
    };
    const result = importPageText(minimal('Affected Models', '- Windows 10'), narrow);
    expect(result).toEqual({
      ok: false,
      reason: {
        message:
          'line 6: platform "Windows 10" is not one of Microsoft Windows Update\'s platforms in the registry',
        issues: [
          {
            code: 'unknown_platform',
            path: ['appliesTo', 0],
            line: 6,
            message:
              'platform "Windows 10" is not one of Microsoft Windows Update\'s platforms in the registry',
          },
        ],
      },
    });
  });
});
