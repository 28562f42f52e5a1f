import type { Catalog } from './catalog.js';
import { MAX_HEX_DIGITS } from './notation-patterns.js';
import { readNameToken } from './read-name.js';
import { readNumberToken } from './read-number.js';
import type { TokenReading } from './reading.js';

/**
 * One token written on its own (no surrounding text). A token can be both a name and hex
 * ("FACE"): eight hex digits read as hex first, anything shorter reads as the name first.
 */
export function readToken(token: string, catalog: Catalog): TokenReading {
  const asNumber = readNumberToken(token, catalog);
  const asName = readNameToken(token, catalog);
  if (asName.kind !== 'read') {
    if (asNumber.kind !== 'none') return asNumber;
    return asName;
  }
  if (asNumber.kind !== 'read') return asName;
  const hexFirst = token.length === MAX_HEX_DIGITS;
  const [first, second] = hexFirst ? [asNumber, asName] : [asName, asNumber];
  return { kind: 'read', candidates: [...first.candidates, ...second.candidates] };
}
