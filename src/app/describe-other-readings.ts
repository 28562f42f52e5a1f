import { otherReadings } from '../core/codes/other-readings.js';
import { readNotation } from '../core/codes/read-notation.js';
import type { AppDeps } from './deps.js';
import { codePath } from './urls.js';

/** Another reading of a typed number, as a code page links it. */
export type OtherReadingView = {
  code: string;
  how: string;
  /** The code's first name, when a table has one. */
  name?: string;
  url: string;
};

/** How a typed number was read, for the code page it led to. */
export type TypedNumberView = {
  /** What the person typed. */
  input: string;
  /** Why the rules read it as this page's code. */
  reason: string;
  others: OtherReadingView[];
};

/**
 * When a short bare number reads one way only (`5` → Win32 error 5, 0x80070005) yet its digits
 * could mean other codes, the other ways, each with its name if the tables know it. Undefined
 * when `typed` is absent, reads otherwise (several readings, another code, not a number) or
 * has no other way to read it: a page never states a reading the rules do not give.
 */
export function describeTypedNumber(
  deps: Pick<AppDeps, 'catalog'>,
  typed: string | undefined,
  value: number,
): TypedNumberView | undefined {
  if (typed === undefined) return undefined;
  const read = readNotation(typed, deps.catalog);
  if (!read.ok || read.value.length !== 1) return undefined;
  const [only] = read.value;
  if (only === undefined || only.value !== value) return undefined;
  const others = otherReadings(typed, value).map((other) => {
    const name = deps.catalog.namesOf(other.value)[0]?.name ?? deps.catalog.labelOf(other.value);
    return {
      code: other.code,
      how: other.how,
      ...(name !== undefined ? { name } : {}),
      url: codePath(other.code),
    };
  });
  return others.length > 0 ? { input: typed.trim(), reason: only.reason, others } : undefined;
}
