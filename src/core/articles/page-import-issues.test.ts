import { describe, expect, it } from 'vitest';
import { loadRegistry, readPage } from '../../test-support/page-import-fixtures.js';
import { MAX_FIELD_BYTES, MAX_FILE_BYTES } from './content-limits.js';
import { importPageText } from './page-import.js';

const registry = loadRegistry();
const seed = readPage('seed-0x80244001.txt');

function refusal(text: string) {
  const result = importPageText(text, registry);
  if (result.ok) throw new Error('expected the page to be refused');
  return result.reason;
}

describe('importPageText: refusals keep their data', () => {
  it.each([
    [
      'an unknown product',
      seed.replace('Microsoft Windows Update', 'Microsoft Paint'),
      { code: 'unknown_product', path: ['product'], line: 2 },
    ],
    [
      'an unknown severity',
      seed.replace('Severity: Moderate', 'Severity: Sort of'),
      { code: 'unknown_severity', path: ['severity'], line: 3 },
    ],
    [
      'an unknown platform, as the second of the list',
      seed.replace('- Windows 11', '- Windows 95'),
      { code: 'unknown_platform', path: ['appliesTo', 1], line: 7 },
    ],
    [
      'a platform listed twice',
      seed.replace('- Windows 11', '- Windows 10'),
      { code: 'duplicate', path: ['appliesTo', 1], line: 7 },
    ],
  ])('%s: code, path and line, the message as today', (_name, text, expected) => {
    const failure = refusal(text);
    expect(failure.issues).toEqual([expect.objectContaining(expected)]);
    expect(failure.message).toBe(`line ${expected.line}: ${failure.issues[0]?.message ?? ''}`);
  });

  it(`refuses page text over ${MAX_FILE_BYTES / 1024} KiB unread`, () => {
    const failure = refusal(`${seed}\n${'x'.repeat(MAX_FILE_BYTES)}`);
    expect(failure.issues.map((issue) => issue.code)).toEqual(['too_large']);
  });

  it('refuses a paragraph over the field limit, naming the field', () => {
    const summary = seed.split('\n')[3] ?? '';
    const failure = refusal(seed.replace(summary, 'w'.repeat(MAX_FIELD_BYTES + 1)));
    expect(failure.issues).toEqual([
      expect.objectContaining({ code: 'too_large', path: ['meaning', 'summary'] }),
    ]);
  });
});
