import type { CodeName } from './code-name.js';

/** How a person wrote a code (DESIGN.md vocabulary: notation). */
export type Notation =
  | 'hex'
  | 'bare-hex'
  | 'signed-decimal'
  | 'unsigned-decimal'
  | 'win32-decimal'
  | 'name'
  | 'name-tail';

/** One interpretation of a notation; a notation can have several, ranked. */
export type Reading = {
  /** Canonical form of `value`. */
  code: string;
  value: number;
  notation: Notation;
  known: boolean;
  names: readonly CodeName[];
  /** 1 = most likely; readings come sorted by it. */
  rank: number;
  /** Why this reading is ranked where it is, in plain words. */
  reason: string;
  /** Our short words for a setup result the docs give no symbolic name (setup-results.tsv). */
  label?: string;
  /**
   * Set when no table names the value itself but the code wrapped inside it is known
   * ("HRESULT_FROM_NT of STATUS_ACCESS_DENIED"); such a reading counts as known.
   */
  knownVia?: string;
  /** A Windows setup result written with its extend code (`0xC1900101 - 0x4000D`). */
  extend?: SetupExtend;
  /** Only on unknown readings of a written number: known codes a digit or two away, nearest first. */
  suggestions?: string[];
};

/** The extend code of a setup result: phase (first hex digit) and operation (the rest). */
export type SetupExtend = {
  value: number;
  /** As setup writes it: `0x` + 5 upper-case hex digits (`0x4000D`). */
  hex: string;
  phase: { number: number; name?: string };
  operation: { number: number; name?: string };
};

/** Input that does not parse: what was wrong and what is accepted, plus canonical codes. */
export type NotationError = { message: string; suggestions: string[] };

/** A reading before the catalog's names and the final rank are attached. */
export type Candidate = {
  value: number;
  notation: Notation;
  reason: string;
  /** A setup extend code written after the value. */
  extend?: number;
  /** The word as typed, when it differs from the whole input (a code found in text). */
  written?: string;
};

/** What one token of input (a whole input, or a word inside text) reads as. */
export type TokenReading =
  | { kind: 'read'; candidates: Candidate[] }
  /** The shape of a code, but out of range (9+ hex digits, more than 32 bits, …). */
  | { kind: 'invalid'; message: string }
  /** A name ending shared by several names: not a reading, but worth listing. */
  | { kind: 'ambiguous'; tail: string; names: readonly string[] }
  | { kind: 'none' };

/** The one `none` reading: a constant, since readers return it for most tokens they are asked. */
export const NO_READING: TokenReading = Object.freeze({ kind: 'none' });
