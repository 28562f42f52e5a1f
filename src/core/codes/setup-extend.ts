import { formatHex } from './code-value.js';
import type { Catalog } from './catalog.js';
import type { SetupExtend } from './reading.js';

/**
 * Windows setup reports a failure as a result code and an extend code, written
 * `0xC1900101 - 0x4000D`: the extend code's first hex digit is the phase setup was in, the
 * remaining four the operation it was doing (Microsoft's upgrade error code documentation).
 */

/**
 * The extend part after a result code in text: a dash (ASCII, en or em) and `0x` + five hex
 * digits, the first a phase 0–9. Setup always writes five digits, so a shorter or longer hex
 * after a dash is not read as an extend code. Sticky: set `lastIndex` to where the result
 * code ends.
 */
export const EXTEND_AFTER = /\s*[-–—]\s*0x([0-9][0-9a-f]{4})(?![0-9a-z_])/iy;

export function readSetupExtend(value: number, catalog: Catalog): SetupExtend {
  const phase = value >>> 16;
  const operation = value & 0xffff;
  const phaseName = catalog.setupPhaseName(phase);
  const operationName = catalog.setupOperationName(operation);
  return {
    value,
    hex: formatHex(value, 5),
    phase: phaseName === undefined ? { number: phase } : { number: phase, name: phaseName },
    operation:
      operationName === undefined
        ? { number: operation }
        : { number: operation, name: operationName },
  };
}
