import { describe, expect, it } from 'vitest';
import { buildSnippet } from './snippet.js';
import type { SearchDocument } from './search-document.js';

const doc = (body: string): SearchDocument => ({
  id: 'x',
  kind: 'article',
  code: '0x80244001',
  title: 'x',
  platforms: [],
  families: [],
  fields: { name: '0x80244001', title: 'A title', causes: '', body },
});

describe('buildSnippet', () => {
  it('marks the matched words, by stem, and keeps the rest as plain text', () => {
    const segments = buildSnippet(
      doc('Windows Update installs nothing behind a proxy.'),
      new Set(['instal', 'proxi']),
    );
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['installs', 'proxy']);
    expect(segments.map((s) => s.text).join('')).toBe(
      'Windows Update installs nothing behind a proxy.',
    );
  });

  it('keeps markup in the text as text: the renderer escapes it', () => {
    const segments = buildSnippet(doc('<script>alert(1)</script> proxy'), new Set(['proxi']));
    expect(segments.map((s) => s.text).join('')).toContain('<script>');
    expect(segments.find((s) => s.hit)?.text).toBe('proxy');
  });

  it('starts near the first hit in a long text, with an ellipsis', () => {
    const text = `${'word '.repeat(200)}the proxy refused ${'tail '.repeat(100)}`;
    const segments = buildSnippet(doc(text), new Set(['proxi']));
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.length).toBeLessThan(200);
    expect(segments.some((s) => s.hit && s.text === 'proxy')).toBe(true);
  });
});
