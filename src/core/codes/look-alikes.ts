/** Letters read or typed for the digit they look like; hex letters A–F are never swapped. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  I: '1',
  L: '1',
  S: '5',
  Z: '2',
  G: '6',
};

/** Upper-case look-alike letters, any number of times. */
export const LOOK_ALIKE = /[OQILSZG]/g;

/** An upper-case word with each look-alike letter replaced by its digit. */
export const replaceLookAlikes = (upper: string): string =>
  upper.replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c);
