/** The shapes a code can be written in (DESIGN.md "Canonical forms"), shared by the readers. */

export const PREFIXED_HEX = /^0x([0-9a-f]*)$/i;
export const BARE_HEX = /^[0-9a-f]+$/i;
export const DECIMAL = /^\d+$/;
export const NEGATIVE_DECIMAL = /^-(\d+)$/;
export const SYMBOLIC_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A 32-bit value has at most 8 hex digits and 10 decimal digits. */
export const MAX_HEX_DIGITS = 8;
export const MAX_DECIMAL_DIGITS = 10;
/** DESIGN.md: "a decimal of 5 digits or fewer reads as Win32 first". */
export const MAX_WIN32_DECIMAL_DIGITS = 5;

/**
 * Words inside text: `-N` only when the `-` does not join two words ("Windows-11"), else runs
 * of letters, digits and `_` (which keeps `0x80244001` and `WU_E_…` whole).
 */
export const TEXT_TOKEN = /(?<![A-Za-z0-9_-])-\d+|[A-Za-z0-9_]+/g;

/**
 * A word just before a number that says the number is an error code: `gle=5`, `error 5`,
 * `Error code: 5`. Without it a small number in text ("Windows 11") is not read as a code.
 */
export const CODE_KEY_BEFORE = /\b(gle|error|err|code|status|hr|hresult)\s*[=:]?\s*$/i;

/** "NTSTATUS -1073283059": the number is an NTSTATUS (only the reason says so; bits are bits). */
export const NTSTATUS_KEY_BEFORE = /\bntstatus\s*[=:]?\s*$/i;

/** `gle=` (GetLastError) holds a Win32 code even when written in hex. */
export const WIN32_KEY_BEFORE = /\bgle\s*[=:]?\s*$/i;

export const ACCEPTED_FORMS =
  'Accepted: 0x80244001 (hex), 80244001 (8 hex digits), -2145107967 or 2149859329 ' +
  '(the 32 bits as decimal), 5 (a Win32 code, up to 5 digits), a symbolic name such as ' +
  'WU_E_PT_SOAPCLIENT_INITIALIZE or its distinctive end (SOAPCLIENT_INITIALIZE), a setup ' +
  'result with its extend code (0xC1900101 - 0x4000D), or text that contains one of these.';
