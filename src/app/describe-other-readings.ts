import { otherReadings } from '../core/codes/other-readings.js';
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

/**
 * When a short bare number was read one way (`5` → Win32 error 5, 0x80070005), the other ways
 * its digits could be read, each with its name if the tables know it; [] when the input reads
 * one way only.
 */
export function describeOtherReadings(
  deps: Pick<AppDeps, 'catalog'>,
  input: string,
  chosen: number,
): OtherReadingView[] {
  return otherReadings(input, chosen).map((other) => {
    const name = deps.catalog.namesOf(other.value)[0]?.name ?? deps.catalog.labelOf(other.value);
    return {
      code: other.code,
      how: other.how,
      ...(name !== undefined ? { name } : {}),
      url: codePath(other.code),
    };
  });
}
