import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BreakAtUnderscores } from './break-at-underscores.js';

describe('BreakAtUnderscores', () => {
  it('puts a break opportunity after each underscore and between run-together words', () => {
    expect(render(<BreakAtUnderscores text="WU_E_PT_SOAPCLIENT_INITIALIZE" />)).toBe(
      'WU_<wbr/>E_<wbr/>PT_<wbr/>SOAP<wbr/>CLIENT_<wbr/>INITIALIZE',
    );
    expect(
      render(
        <BreakAtUnderscores text="error 0x80242016 (WU_E_UH_POSTREBOOTUNEXPECTEDSTATE): after" />,
      ),
    ).toBe(
      'error 0x80242016 (WU_<wbr/>E_<wbr/>UH_<wbr/>POST<wbr/>REBOOT<wbr/>UNEXPECTED<wbr/>STATE): after',
    );
  });

  it('does not break a word that is not run together', () => {
    expect(render(<BreakAtUnderscores text="ERROR_INVALID_PARAMETER" />)).toBe(
      'ERROR_<wbr/>INVALID_<wbr/>PARAMETER',
    );
  });

  it('leaves text without underscores as it is, escaped', () => {
    expect(render(<BreakAtUnderscores text="a <b> c" />)).toBe('a &lt;b> c');
  });
});
