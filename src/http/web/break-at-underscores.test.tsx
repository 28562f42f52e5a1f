import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BreakAtUnderscores } from './break-at-underscores.js';

describe('BreakAtUnderscores', () => {
  it('puts a break opportunity after each underscore and nowhere else', () => {
    expect(render(<BreakAtUnderscores text="WU_E_PT_SOAPCLIENT_INITIALIZE" />)).toBe(
      'WU_<wbr/>E_<wbr/>PT_<wbr/>SOAPCLIENT_<wbr/>INITIALIZE',
    );
  });

  it('leaves text without underscores as it is, escaped', () => {
    expect(render(<BreakAtUnderscores text="a <b> c" />)).toBe('a &lt;b> c');
  });
});
