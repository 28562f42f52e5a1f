import { describe, expect, it } from 'vitest';
import { loadWindowsTables } from '../../adapters/catalog/load-windows-tables.js';
import {
  referenceCatalog,
  referenceReadNotation,
} from '../../test-support/reference-read-notation.js';
import { buildCatalog, type Catalog } from './catalog.js';
import { readNotation } from './read-notation.js';
import { computeValueFacts, valueFacts } from './value-facts.js';

/**
 * The fast readers against the plain ones they replaced (test-support/reference-read-notation),
 * on a large seeded mix of every notation, name, log line and mistake: the same result, to
 * the property and its order (what the API serializes). Each mix is read twice, so the second
 * pass is answered from the memo of value facts and must still agree.
 */

const tables = await loadWindowsTables();
const catalog = buildCatalog(tables);
// The same tables less Windows Update's: WU values read as unknown or otherwise named here.
const withoutWu = buildCatalog(tables.filter((t) => t.file !== 'wu-errors.tsv'));

let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const below = (n: number): number => Math.floor(random() * n);

const values = catalog.values();
const names = values.flatMap((v) => catalog.namesOf(v).map((n) => n.name));
const hex8 = (v: number): string => (v >>> 0).toString(16).toUpperCase().padStart(8, '0');
const mixedCase = (s: string): string =>
  [...s].map((c) => (random() < 0.5 ? c.toLowerCase() : c.toUpperCase())).join('');

/** A value people write: known, unknown, or unknown but with a known code inside. */
function aValue(): number {
  const kind = below(6);
  if (kind <= 2) return pickOf(values);
  if (kind === 3) return Math.floor(random() * 2 ** 32) >>> 0;
  if (kind === 4) return (pickOf(values) | 0x10000000) >>> 0; // HRESULT_FROM_NT of …
  return pickOf([0xc0070000 | below(0x10000), 0x80190000 | below(700), below(100_000)]) >>> 0;
}

/** The notations of one value, typed well or badly. */
function aNotation(): string {
  const v = aValue();
  const forms = [
    () => `0x${hex8(v)}`,
    () => `0X${hex8(v).toLowerCase()}`,
    () => `0x${(v >>> 0).toString(16)}`,
    () => hex8(v),
    () => hex8(v).toLowerCase(),
    () => (v >>> 0).toString(16),
    () => String(v | 0),
    () => String(v >>> 0),
    () => String(v & 0xffff),
    () => String(below(100_000)),
    () => String(below(10_000_000)),
    () => `000${v & 0xffff}`,
    () => `0x1${hex8(v)}`,
    () => `${v >>> 0}${below(10)}`,
    () => `-${2 ** 31 + below(1000)}`,
    () => `-${below(10)}`,
    () => `-${'0'.repeat(below(20))}${below(100_000)}`,
    () => `${'0'.repeat(below(12))}${below(100_000)}`,
    () => '0x',
    () => hex8(v).replace('0', 'O'),
    () => hex8(v).slice(1),
    () => `${hex8(v)}${below(10)}`,
  ];
  return pickOf(forms)();
}

function aName(): string {
  const name = pickOf(names);
  const parts = name.split('_');
  const forms = [
    () => name,
    () => name.toLowerCase(),
    () => mixedCase(name),
    () => parts.slice(1 + below(Math.max(1, parts.length - 1))).join('_'),
    () => parts.slice(-1).join('_'),
    () => `${name}_X`,
    () => `X${name}`,
    () => `STATUS_${pickOf(['SOMETHING', 'NOTHING', 'FAILED', 'SUCCESS'])}`,
    () => pickOf(['FACE', 'face', 'BAD', 'DEAD', 'E_FAIL', 'e_fail', 'S_OK', '_', '__', 'a_']),
    // Letters whose upper case is ASCII (ſ → S, ı → I): not names a reader takes.
    () => name.replace('S', 'ſ').replace('I', 'ı'),
  ];
  return pickOf(forms)();
}

function aLine(): string {
  const hex = `0x${hex8(aValue())}`;
  const lines = [
    () => `error ${aNotation()} on Windows 11`,
    () =>
      `2026-11-26 10:00:01 Agent  * WARNING: Exit code = ${hex}; hr=${pickOf([hex, aNotation()])}`,
    () => `Error CSI 00000001 (F) STATUS_SOMETHING gle=0x${below(0x20000).toString(16)}`,
    () => `Error CSI 00000001 (F) gle=${below(100_000)}`,
    () => `Failed to do the thing [HRESULT = ${hex.toLowerCase()} - ${aName()}]`,
    () => `NTSTATUS ${aValue() | 0}`,
    () => `NTSTATUS: ${aValue() >>> 0}`,
    () => `ntstatus=${aNotation()}`,
    () => `Exception from HRESULT: ${aNotation()}`,
    () =>
      `${hex} ${pickOf(['-', '–', '—', ' - ', '-  ', '\t-\t', '\u00a0–\u00a0', '\u2028-', ' x', ';'])}0x${below(10)}${hex8(below(0x10000)).slice(4)}`,
    () => `0xC1900101 - 0x${below(0x100000).toString(16).padStart(5, '0')} then 0xC1900101-0x4000D`,
    () => `0xC1900101 - 0x4000D1 and 0xC1900101 - 0x400`,
    () => `Error code: ${below(100_000)}; status ${below(100)}, err=${below(20)}`,
    () => `${aNotation()}\t${aName()}\u00a0${aNotation()}\u2028${hex}`,
    () => `  ${aNotation()}  `,
    () => `${hex} and ${hex} again, ${aName()} ${aName()}`,
    () => `Windows-11 build-22631 -5 x-5 --5 (-${below(100_000)})`,
    () => `${aName()} ${aName()}`,
    () => `no code in this line at all`,
    // Key words before a number, with Unicode spaces too (which only the patterns know).
    () =>
      `${pickOf(['NTSTATUS', 'ntstatus', 'gle', 'GLE', 'error', 'hr', 'HResult'])}${pickOf([' ', '\u00a0', '\t', '=', ' :\u3000', '\u2028=\u00a0', ''])}${pickOf([String(aValue() | 0), String(aValue() >>> 0), `0x${below(0x10000).toString(16)}`, String(below(100_000))])}`,
    () => `${hex8(aValue())} ${hex8(aValue()).toLowerCase()} ABCDEFAB 1234abcd`,
  ];
  return pickOf(lines)();
}

function aMix(n: number): string[] {
  const kinds = [aNotation, aNotation, aName, aName, aLine, aLine, aLine];
  const mix = Array.from({ length: n }, () => pickOf(kinds)());
  mix.push('', '   ', '\u00a0', 'x'.repeat(4097), ` ${'0x80244001 '.repeat(300)}`);
  return mix;
}

/** The inputs whose results differ; serialized, so property order and `undefined` count. */
function differences(mix: readonly string[], of: Catalog, passes = 2): string[] {
  const reference = referenceCatalog(of);
  const wrong: string[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const input of mix) {
      const fast = JSON.stringify(readNotation(input, of));
      const plain = JSON.stringify(referenceReadNotation(input, reference));
      if (fast !== plain) wrong.push(`pass ${pass}: ${JSON.stringify(input)}`);
    }
  }
  return wrong;
}

describe('readNotation reads as the plain readers read', () => {
  const mix = aMix(30_000);

  it('on a seeded mix of notations, names, log lines and mistakes, twice', () => {
    expect(differences(mix, catalog).slice(0, 10)).toEqual([]);
  });

  it('on every catalogued name, upper-, lower- and mixed-case', () => {
    const spellings = names.flatMap((name) => [name, name.toLowerCase(), mixedCase(name)]);
    expect(differences(spellings, catalog, 1).slice(0, 10)).toEqual([]);
  });

  it('with two catalogs in turn: neither is answered from the other’s memo', () => {
    const both = mix.slice(0, 5_000);
    for (let round = 0; round < 3; round++) {
      expect(differences(both, withoutWu, 1).slice(0, 10)).toEqual([]);
      expect(differences(both, catalog, 1).slice(0, 10)).toEqual([]);
    }
    // The mix has inputs the two catalogs read differently, or the check above proves nothing.
    const apart = both.filter(
      (input) =>
        JSON.stringify(readNotation(input, catalog)) !==
        JSON.stringify(readNotation(input, withoutWu)),
    );
    expect(apart.length).toBeGreaterThan(100);
  });

  it('the reference is independent: it does not agree with a wrong catalog answer', () => {
    // A catalog that forgets one name must make the two differ (the comparison is not vacuous).
    const broken: Catalog = {
      ...catalog,
      valueOfName: (name) =>
        name.toUpperCase() === 'WU_E_PT_SOAPCLIENT_INITIALIZE' ? [] : catalog.valueOfName(name),
    };
    const input = 'wu_e_pt_soapclient_initialize';
    expect(JSON.stringify(readNotation(input, broken))).not.toBe(
      JSON.stringify(referenceReadNotation(input, referenceCatalog(catalog))),
    );
  });
});

describe('value facts: the memo answers what a fresh computation answers', () => {
  const asked = [
    ...values,
    ...values.map((v) => (v | 0x10000000) >>> 0),
    ...Array.from({ length: 0x10000 }, (_, low) => (0xc0070000 | low) >>> 0),
    ...Array.from({ length: 700 }, (_, low) => (0x80190000 | low) >>> 0),
    ...Array.from({ length: 5_000 }, () => Math.floor(random() * 2 ** 32) >>> 0),
  ];

  it.each([
    ['all tables', catalog],
    ['without wu-errors.tsv', withoutWu],
  ])('for every catalogued value and many others (%s), asked twice', (_name, of) => {
    const wrong: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const value of asked) {
        const fresh = computeValueFacts(value, of);
        const kept = valueFacts(value, of);
        if (JSON.stringify(kept) !== JSON.stringify(fresh) || kept.names !== fresh.names)
          wrong.push(value);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('facts differ between the two catalogs where the tables do', () => {
    valueFacts(0x80244001, catalog);
    expect(valueFacts(0x80244001, withoutWu).names.map((n) => n.name)).toEqual([]);
    expect(valueFacts(0x80244001, catalog).names.map((n) => n.name)).toEqual([
      'WU_E_PT_SOAPCLIENT_INITIALIZE',
    ]);
  });

  it('are frozen, so no reader can change what the next look-up is told', () => {
    expect(Object.isFrozen(valueFacts(0x80070005, catalog))).toBe(true);
  });
});

describe('readings handed out are the caller’s own', () => {
  it('a reading changed by one caller is not what the next call returns', () => {
    const first = readNotation('0x80244001', catalog);
    if (!first.ok) throw new Error('0x80244001 must read');
    const [reading] = first.value;
    if (reading === undefined) throw new Error('a reading');
    reading.rank = 99;
    reading.reason = 'changed';
    reading.suggestions = ['0x00000000'];
    const again = readNotation('0x80244001', catalog);
    expect(again).toEqual(referenceReadNotation('0x80244001', referenceCatalog(catalog)));
    expect(again.ok && again.value[0]).not.toBe(reading);
  });
});
