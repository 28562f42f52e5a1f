import type { Catalog } from './catalog.js';
import type { CodeName } from './code-name.js';
import { formatCode, type CanonicalCode } from './code-value.js';
import { decodeCode, describeKnownWrapped } from './decode-hresult.js';

/**
 * What a reading says about a value whatever way it was written: its canonical text, names,
 * setup label, and the known code wrapped inside when no table names it. Every look-up asks
 * this for each value it reads, and the answer depends on the value and the catalog only.
 */
export type ValueFacts = Readonly<{
  code: CanonicalCode;
  names: readonly CodeName[];
  label: string | undefined;
  knownVia: string | undefined;
  known: boolean;
}>;

/** The facts computed afresh: the rule itself, and what the memo must always agree with. */
export function computeValueFacts(value: number, catalog: Catalog): ValueFacts {
  const names = catalog.namesOf(value);
  const label = catalog.labelOf(value);
  const knownVia =
    names.length === 0 && label === undefined
      ? describeKnownWrapped(decodeCode(value, catalog))
      : undefined;
  return Object.freeze({
    code: formatCode(value),
    names,
    label,
    knownVia,
    known: names.length > 0 || label !== undefined || knownVia !== undefined,
  });
}

/**
 * Known values only are kept, so the memo never outgrows the catalog (a value is known by a
 * name, a label, or a named code inside, and each of those is a table row); the rare unknown
 * value is computed each time. Keys are the value as int32: a small integer, where the
 * unsigned form of most error codes (≥ 2^31) is a heap number that a Map hashes more slowly.
 */
type Memo = Map<number, ValueFacts>;

const memos = new WeakMap<Catalog, Memo>();
// One catalog serves a whole process: asking the WeakMap on every call would cost as much as
// the memo saves.
let lastCatalog: Catalog | undefined;
let lastMemo: Memo | undefined;

function memoOf(catalog: Catalog): Memo {
  if (catalog === lastCatalog && lastMemo !== undefined) return lastMemo;
  let memo = memos.get(catalog);
  if (memo === undefined) {
    memo = new Map();
    memos.set(catalog, memo);
  }
  lastCatalog = catalog;
  lastMemo = memo;
  return memo;
}

/** `computeValueFacts`, answered from a per-catalog memo. */
export function valueFacts(value: number, catalog: Catalog): ValueFacts {
  // Only 32-bit unsigned integers have an int32 key of their own; anything else (which
  // `formatCode` refuses or reads otherwise) takes the plain path.
  if (value >>> 0 !== value) return computeValueFacts(value, catalog);
  const memo = memoOf(catalog);
  const key = value | 0;
  const kept = memo.get(key);
  if (kept !== undefined) return kept;
  const facts = computeValueFacts(value, catalog);
  if (facts.known) memo.set(key, facts);
  return facts;
}
