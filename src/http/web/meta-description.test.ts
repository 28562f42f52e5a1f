import { describe, expect, it } from 'vitest';
import { META_DESCRIPTION_MAX, metaDescription } from './meta-description.js';

const LONG_SENTENCE =
  'Windows Update could not start its SOAP client because the proxy settings of the ' +
  'machine point at a server that refuses the connection every single time it is asked';

describe('metaDescription', () => {
  it('keeps a short text whole, as plain words', () => {
    expect(metaDescription('The **update** client `wuauclt` failed. See [docs](https://x).')).toBe(
      'The update client wuauclt failed. See docs.',
    );
  });

  it('keeps the whole sentences that fit and stops at a sentence end', () => {
    const text =
      'Windows Update could not reach its server. The proxy refused the connection. ' +
      'This happens when a proxy needs a password that the update service does not know about at all.';
    const cut = metaDescription(text);
    expect(cut).toBe(
      'Windows Update could not reach its server. The proxy refused the connection.',
    );
  });

  it('cuts a first sentence that is too long at a word end, with an ellipsis', () => {
    const cut = metaDescription(LONG_SENTENCE);
    expect(cut.length).toBeLessThanOrEqual(META_DESCRIPTION_MAX);
    expect(cut.endsWith('…')).toBe(true);
    const words = cut.slice(0, -1);
    expect(LONG_SENTENCE.startsWith(words)).toBe(true);
    expect(LONG_SENTENCE[words.length]).toBe(' ');
  });

  it('joins lines: a summary over several lines reads as one text', () => {
    expect(metaDescription('First line\nsecond line.')).toBe('First line second line.');
  });
});
