import type { VNode } from 'preact';

/** What the look-up reads, with an example of each: the one place a page lists the formats. */
export function AcceptedNotations(): VNode {
  return (
    <section aria-labelledby="accepted">
      <h2 id="accepted">What you can look up</h2>
      <ul>
        <li>
          A code in hex: <code>0x80244001</code> or <code>80244001</code>
        </li>
        <li>
          The 32 bits as a decimal number: <code>-2145107967</code> or <code>2149859329</code>
        </li>
        <li>
          A Win32 error number of up to 5 digits, such as <code>5</code>
        </li>
        <li>
          A symbolic name, <code>WU_E_PT_SOAPCLIENT_INITIALIZE</code>, or its distinctive end,{' '}
          <code>SOAPCLIENT_INITIALIZE</code>
        </li>
        <li>
          A setup result with its extend code: <code>0xC1900101 - 0x4000D</code>
        </li>
        <li>
          A line of text with a code in it: <code>error 0x80244001 on Windows 11</code>
        </li>
      </ul>
    </section>
  );
}
