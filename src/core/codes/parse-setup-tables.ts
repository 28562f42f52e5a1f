import { fail, ok, type Result } from '../result.js';
import { toInt32 } from './code-value.js';
import {
  readHex,
  readName,
  readSmallNumber,
  tableSpec,
  type NumberedName,
  type SetupResultRow,
  type TableSpec,
} from './table-cells.js';

/**
 * Windows setup's tables (data/windows/SOURCES.md): result codes (`0xC19…`, some with no
 * symbolic name in the docs, so `label` carries our short words) and the two parts of an
 * extend code — the phase (its first hex digit) and the operation (the rest).
 */

/** Phases and operations are named in prose in the docs; any single line of text is a name. */
function readText(text: string, column: string): Result<string> {
  return text.trim() === text && text !== ''
    ? ok(text)
    : fail(`${column} "${text}" is empty or has spaces around it`);
}

function readSetupResult(cell: (column: string) => string): Result<SetupResultRow> {
  const value = readHex(cell('hex'), 'hex');
  if (!value.ok) return value;
  const signed = cell('signed_decimal');
  if (signed !== '' && Number(signed) !== toInt32(value.value)) {
    return fail(`signed_decimal ${signed} is not ${cell('hex')} as a signed 32-bit value`);
  }
  const label = readText(cell('label'), 'label');
  if (!label.ok) return label;
  if (cell('name') === '') return ok({ value: value.value, label: label.value });
  const name = readName(cell('name'), 'name');
  if (!name.ok) return name;
  return ok({
    value: value.value,
    label: label.value,
    name: { name: name.value, table: 'setup', scheme: 'hresult' },
  });
}

/** The phase is one hex digit of the extend code, and the docs number phases 0–9. */
function readPhase(cell: (column: string) => string): Result<NumberedName> {
  const phase = readSmallNumber(cell('phase'), 'phase', 1, 9);
  if (!phase.ok) return phase;
  const name = readText(cell('name'), 'name');
  return name.ok ? ok({ number: phase.value, name: name.value }) : name;
}

/** The operation is the extend code's low 16 bits; `hex`, when given, must say the same. */
function readOperation(cell: (column: string) => string): Result<NumberedName> {
  const operation = readSmallNumber(cell('operation'), 'operation', 5, 0xffff);
  if (!operation.ok) return operation;
  const hex = cell('hex');
  if (
    hex !== '' &&
    (!/^(0x)?[0-9a-f]{1,4}$/i.test(hex) ||
      parseInt(hex.replace(/^0x/i, ''), 16) !== operation.value)
  ) {
    return fail(`hex "${hex}" is not operation ${operation.value} in hex`);
  }
  const name = readText(cell('name'), 'name');
  return name.ok ? ok({ number: operation.value, name: name.value }) : name;
}

export const SETUP_SPECS: Readonly<Record<string, TableSpec>> = {
  'setup-results.tsv': tableSpec('setup-results', ['hex', 'name', 'label'], readSetupResult),
  'setup-extend-phases.tsv': tableSpec('setup-phases', ['phase', 'name'], readPhase),
  'setup-extend-operations.tsv': tableSpec(
    'setup-operations',
    ['operation', 'name'],
    readOperation,
  ),
};
