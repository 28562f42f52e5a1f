import type { CodeName } from './code-name.js';
import { formatCode, hresultFromWin32, toInt32, toUint32 } from './code-value.js';
import { httpReasonPhrase } from './http-status.js';

/**
 * The bits of a 32-bit code read as an HRESULT (MS-ERREF 2.1), and the code wrapped inside
 * it, if any. Pure arithmetic; names (the facility's, the wrapped code's) come from the
 * caller's source, and are left out (facility) or empty (wrapped) without one.
 */

export type HresultFlags = {
  /** Severity: set = failure. */
  S: boolean;
  /** Reserved; set in NTSTATUS error values read as HRESULT. */
  R: boolean;
  /** Customer: set = not a Microsoft-defined value. */
  C: boolean;
  /** Set = an NTSTATUS mapped to an HRESULT (HRESULT_FROM_NT). */
  N: boolean;
  /** Reserved; winerror.h's 13-bit facility includes it (FACILITY_DXGI 0x87A sets it). */
  X: boolean;
};

/** The code inside, with its own names: only names of its scheme (Win32 names, NTSTATUS names). */
export type Wrapped =
  | { scheme: 'win32'; code: number; via: 'hresult' | 'ntstatus'; names: string[] }
  | { scheme: 'ntstatus'; value: number; names: string[] }
  /** `reasonPhrase`: the status's standard phrase ("Forbidden"), when it has one. */
  | { scheme: 'http'; status: number; reasonPhrase?: string };

export type Decoded = {
  /** Canonical form, `0x` + 8 upper-case hex digits. */
  hex: string;
  unsigned: number;
  signed: number;
  severity: 'success' | 'failure';
  flags: HresultFlags;
  /** As winerror.h's HRESULT_FACILITY: `(hr >> 16) & 0x1FFF`. */
  facility: { number: number; name?: string };
  /** The low 16 bits. */
  code: number;
  wrapped?: Wrapped;
};

/** Where facility names come from; a Catalog satisfies this. */
export type FacilityNames = { facilityName(facility: number): string | undefined };

/** Where names come from; a Catalog satisfies this. Without `namesOf`, wrapped names are []. */
export type DecodeSource = FacilityNames & {
  namesOf?(value: number): readonly CodeName[];
};

const FACILITY_WIN32 = 7;
/** NTSTATUS facility that carries a Win32 code (ntstatus.h FACILITY_NTWIN32). */
const FACILITY_NTWIN32 = 7;
/** BITS reports an HTTP status as 0x8019xxxx (bitsmsg.h BG_E_HTTP_ERROR_*). */
const FACILITY_HTTP = 0x19;
const N_BIT = 0x10000000;

/** `value` is unsigned or signed 32-bit; anything else throws RangeError (as `formatCode`). */
export function decodeCode(value: number, facilities?: DecodeSource): Decoded {
  const hex = formatCode(value);
  const hr = toUint32(value);
  const facilityNumber = (hr >>> 16) & 0x1fff;
  const facilityName = facilities?.facilityName(facilityNumber);
  const decoded: Decoded = {
    hex,
    unsigned: hr,
    signed: toInt32(hr),
    severity: hr & 0x80000000 ? 'failure' : 'success',
    flags: {
      S: (hr & 0x80000000) !== 0,
      R: (hr & 0x40000000) !== 0,
      C: (hr & 0x20000000) !== 0,
      N: (hr & N_BIT) !== 0,
      X: (hr & 0x08000000) !== 0,
    },
    facility:
      facilityName === undefined
        ? { number: facilityNumber }
        : { number: facilityNumber, name: facilityName },
    code: hr & 0xffff,
  };
  const wrapped = findWrapped(hr, facilities);
  if (wrapped !== undefined) decoded.wrapped = wrapped;
  return decoded;
}

function findWrapped(hr: number, source: DecodeSource | undefined): Wrapped | undefined {
  const high = hr >>> 16;
  const low = hr & 0xffff;
  const namesAt = (value: number, scheme: CodeName['scheme']): string[] =>
    (source?.namesOf?.(value) ?? []).filter((n) => n.scheme === scheme).map((n) => n.name);
  // HRESULT_FROM_NT sets N on any NTSTATUS (0xD… errors, 0x9… warnings, 0x5… informational,
  // 0x1… success); clearing it gives the NTSTATUS back.
  if (hr & N_BIT) {
    const value = toUint32(hr & ~N_BIT);
    return { scheme: 'ntstatus', value, names: namesAt(value, 'ntstatus') };
  }
  // Win32 names are catalogued at their HRESULT_FROM_WIN32 value, whichever carrier wraps them.
  if (high === (0x8000 | FACILITY_WIN32) || high === (0xc000 | FACILITY_NTWIN32)) {
    const via = high === (0x8000 | FACILITY_WIN32) ? 'hresult' : 'ntstatus';
    return { scheme: 'win32', code: low, via, names: namesAt(hresultFromWin32(low), 'win32') };
  }
  // Only real HTTP status numbers: other 0x8019xxxx values are not a status in disguise.
  if (high === (0x8000 | FACILITY_HTTP) && low >= 100 && low <= 599) {
    const reasonPhrase = httpReasonPhrase(low);
    return reasonPhrase === undefined
      ? { scheme: 'http', status: low }
      : { scheme: 'http', status: low, reasonPhrase };
  }
  return undefined;
}

/**
 * Why a value no table names is still known: the code wrapped inside it is
 * ("HRESULT_FROM_NT of STATUS_ACCESS_DENIED"). Undefined when nothing inside is known.
 */
export function describeKnownWrapped(decoded: Decoded): string | undefined {
  const wrapped = decoded.wrapped;
  if (wrapped === undefined) return undefined;
  if (wrapped.scheme === 'http') {
    return wrapped.reasonPhrase === undefined
      ? undefined
      : `HTTP status ${wrapped.status} (${wrapped.reasonPhrase}) in FACILITY_HTTP`;
  }
  const [name] = wrapped.names;
  if (name === undefined) return undefined;
  if (wrapped.scheme === 'ntstatus') return `HRESULT_FROM_NT of ${name}`;
  return wrapped.via === 'hresult'
    ? `HRESULT_FROM_WIN32 of ${name}`
    : `an NTSTATUS carrying Win32 error ${wrapped.code} (${name})`;
}
