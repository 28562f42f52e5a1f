import { formatHex } from '../core/codes/code-value.js';
import type { ReadingView } from '../app/responses.js';
import { describeWrapped } from '../app/describe-wrapped.js';

/** The 32 bits in groups of four, most significant first. */
const bitGroups = (value: number): string =>
  (value >>> 0)
    .toString(2)
    .padStart(32, '0')
    .replace(/(.{4})(?=.)/g, '$1 ');

/** `erratlas decode`: the bit fields of a code, one per line, as MS-ERREF names them. */
export function formatDecode(reading: ReadingView): string[] {
  const d = reading.decode;
  const bit = (on: boolean): string => (on ? '1' : '0');
  const rows = [
    `${reading.code}  ${reading.names[0]?.name ?? '(not in the bundled tables)'}`,
    `  bits      ${bitGroups(d.unsigned)}`,
    `  S (31)    ${bit(d.flags.S)}  ${d.flags.S ? 'failure' : 'success'}`,
    `  R (30)    ${bit(d.flags.R)}  reserved`,
    `  C (29)    ${bit(d.flags.C)}  ${d.flags.C ? 'customer-defined' : 'Microsoft-defined'}`,
    `  N (28)    ${bit(d.flags.N)}  ${d.flags.N ? 'an NTSTATUS mapped to an HRESULT' : 'not a mapped NTSTATUS'}`,
    `  X (27)    ${bit(d.flags.X)}  reserved`,
    `  facility  ${d.facility.number} (${formatHex(d.facility.number, 3)})${d.facility.name ? ` ${d.facility.name}` : ''}  bits 16-28`,
    `  code      ${d.code} (${formatHex(d.code, 4)})  bits 0-15`,
    `  decimal   ${d.unsigned} unsigned, ${d.signed} signed`,
  ];
  const inside = describeWrapped(reading);
  if (inside) rows.push(`  inside    ${inside}`);
  return rows;
}
