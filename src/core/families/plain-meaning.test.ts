import { describe, expect, it } from 'vitest';
import { loadWindowsCatalog } from '../../adapters/catalog/load-windows-tables.js';
import { readFamilyFiles } from '../../adapters/content/read-families.js';
import { loadFamilyIndex } from '../../app/load-families.js';
import { formatCode } from '../codes/code-value.js';
import { decodeCode } from '../codes/decode-hresult.js';
import { COMMON_MEANINGS } from './common-meanings.js';
import { nameWords } from './name-words.js';
import { plainMeaning } from './plain-meaning.js';

/** The real tables and the bundled families: every code a page can show. */
const catalog = await loadWindowsCatalog();
const families = loadFamilyIndex(readFamilyFiles(), catalog);

const meaningOf = (value: number): string | undefined =>
  plainMeaning({
    names: catalog.namesOf(value),
    decoded: decodeCode(value, catalog),
    note: families.noteFor(value)?.text,
    label: catalog.labelOf(value),
  });

/**
 * `_` is allowed only in a wildcard name pattern a note points the reader to in a log
 * (`WU_E_PT_SOAP_*`); anything else with `_` is a symbolic name left raw.
 */
const RAW_NAME = /(?<![\w*])\w*_(?![\w_]*\*)/;

/**
 * English words of one to three letters, as our sentences and names use them. Any other
 * lower-case word that short is a fragment of a name ("invalid ca", "sa", "obj"); the words
 * made from names keep an abbreviation in capitals or spell it out.
 */
const SHORT_ENGLISH = new Set(
  (
    'a an the of to in on at by for as is be are was has had did do can may not no nor or and ' +
    'but if so up out off all any one two new old bad big low too now yet via per own its it us ' +
    'who how key set use run ran get got put add end try fix cut hit fit mix go ok say let ask ' +
    'due day way top mid gap cap row raw box bus ban dry map tag job log app web net win see ' +
    'bug few far why cab id'
  ).split(' '),
);

/** Lower-case words that short and not English, and ones so long they are words run together. */
function fragmentsIn(text: string): string[] {
  // Words as written: `non-domain`, `64k`, `IPv4` and `PC's` are one word each.
  const words = text.match(/[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g) ?? [];
  return words.filter(
    (w) => /^[a-z]+$/.test(w) && ((w.length <= 3 && !SHORT_ENGLISH.has(w)) || w.length >= 17),
  );
}

/** What is wrong with a plain meaning as a sentence for a person; [] when nothing. */
function sentenceProblems(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return ['empty'];
  const problems: string[] = [];
  if (!/^[A-Z0-9]/.test(text)) problems.push('does not start with a capital');
  if (!text.endsWith('.')) problems.push('does not end with a full stop');
  if (RAW_NAME.test(text)) problems.push('has a raw symbolic name');
  if (/\s{2}|\s[,.:]/.test(text)) problems.push('has stray spaces');
  if (text.split(/(?<=\.)\s+(?=[A-Z])/).length > 2) problems.push('has more than two sentences');
  const fragments = fragmentsIn(text);
  if (fragments.length > 0) problems.push(`has fragments of words: ${fragments.join(', ')}`);
  return problems;
}

describe('plainMeaning over every code of the tables', () => {
  it('gives each one a sentence for a person', () => {
    const values = catalog.values();
    expect(values.length).toBeGreaterThan(10_000);
    const wrong = values
      .map((value) => ({ code: formatCode(value), text: meaningOf(value) }))
      .map((entry) => ({ ...entry, problems: sentenceProblems(entry.text) }))
      .filter((entry) => entry.problems.length > 0);
    expect(wrong.slice(0, 400)).toEqual([]);
  });

  it('would catch a raw name, a lower-case start and a missing full stop', () => {
    expect(sentenceProblems('Invalid: ERROR_INVALID_PARAMETER.')).toContain(
      'has a raw symbolic name',
    );
    expect(sentenceProblems('access denied.')).toContain('does not start with a capital');
    expect(sentenceProblems('Access denied')).toContain('does not end with a full stop');
    expect(sentenceProblems('A WU_E_PT_SOAP_* code says which.')).toEqual([]);
    expect(sentenceProblems('Invalid ca: an error.')).toContain('has fragments of words: ca');
    expect(sentenceProblems('Failed postrebootunexpectedstate: an error.')).toContain(
      'has fragments of words: postrebootunexpectedstate',
    );
  });
});

describe('plainMeaning, hand-checked', () => {
  it.each([
    // Written by hand (common-meanings.ts), whichever of the code's names carries it.
    [
      0x80070005,
      'Access denied: Windows or an update could not open a file, folder or setting because permission was refused.',
    ],
    [0x80070070, 'Disk full: there is not enough free space on the drive to finish.'],
    [
      0xc0000005,
      'Access violation: a program crashed because it touched memory it may not use; a fault in that program, an add-in or a driver.',
    ],
    // The web clients' 12xxx errors, whichever of the WinINet, WinHTTP or HRESULT names it is.
    [
      0x80072f0d,
      "Untrusted certificate authority: the server's certificate was issued by an authority this PC does not know or trust, so the secure connection was refused.",
    ],
    // The family's note, capitalised.
    [
      0x80240022,
      'Every update in the operation failed; the reasons are in the results for each update or in the log.',
    ],
    // A setup result by its label.
    [
      0xc1900101,
      'Generic setup failure, upgrade rolled back: a result code of Windows setup (upgrades and feature updates).',
    ],
    // An HTTP status inside (BITS' 0x8019xxxx).
    [
      0x80190194,
      'The web server answered with HTTP status 404 (Not Found) instead of what was asked for.',
    ],
    // Words from the name: the area from its prefix, the kind from the table.
    [0x80310060, 'Policy startup PIN not allowed: an error from BitLocker drive encryption.'],
    [
      0x80070146,
      'File level trim not supported: Windows error 326, passed on by the program that reported it.',
    ],
    [
      0x40000807,
      'Disk repair redirected: an informational status, not an error, from the Windows kernel or a driver.',
    ],
    [0x887a0001, 'Invalid call: an error from DirectX graphics (DXGI).'],
  ])('%s', (value, expected) => {
    expect(meaningOf(value)).toBe(expected);
  });

  it('reads a value no table names through the NTSTATUS it carries', () => {
    // 0xD0000022 is HRESULT_FROM_NT(STATUS_ACCESS_DENIED); only the NTSTATUS is catalogued.
    expect(catalog.isKnown(0xd0000022)).toBe(false);
    expect(meaningOf(0xd0000022)).toBe(
      `${COMMON_MEANINGS['STATUS_ACCESS_DENIED']} A component passed this kernel status on as an HRESULT.`,
    );
  });

  it('has nothing to say about a value nothing names', () => {
    expect(meaningOf(0x12345678)).toBeUndefined();
  });
});

describe('the hand-written meanings', () => {
  it.each(Object.entries(COMMON_MEANINGS))(
    '%s is a catalogued name and a sentence',
    (name, text) => {
      expect(catalog.valueOfName(name).length).toBeGreaterThan(0);
      expect(sentenceProblems(text)).toEqual([]);
    },
  );
});

describe('nameWords', () => {
  it.each([
    ['ERROR_INVALID_PARAMETER', undefined, 'invalid parameter'],
    ['FVE_E_LOCKED_VOLUME', 'BitLocker drive encryption', 'locked volume'],
    ['ERROR_DS_CANT_ON_NON_LEAF', 'Active Directory', 'cannot on non-leaf'],
    ['STATUS_TPM_20_E_NONCE', 'the TPM security chip', 'nonce'],
    ['STATUS_AAD_CLOUDAP_E_INVALID_TENANT', undefined, 'AAD CloudAP invalid tenant'],
    ['ERROR_FILENAME_EXCED_RANGE', undefined, 'file name exceeded range'],
    [
      'ERROR_WINHTTP_SECURE_INVALID_CA',
      'the WinHTTP web client',
      'secure invalid certificate authority',
    ],
    ['WU_E_UH_POSTREBOOTUNEXPECTEDSTATE', 'Windows Update', 'UH post reboot unexpected state'],
    ['RPC_S_CALL_FAILED_DNE', 'RPC, how programs call each other', 'call failed did not execute'],
    ['ERROR_DS_DRA_BAD_DN', 'Active Directory', 'DRA bad DN'],
    ['E_NOTIMPL', undefined, 'not implemented'],
    ['SCARD_F_UNKNOWN_ERROR', 'smart cards', 'unknown'],
    ['ERROR_SXS_MANIFEST_TOO_BIG', 'side-by-side assemblies (WinSxS)', 'manifest too big'],
  ])('%s → area %s, words "%s"', (name, area, words) => {
    expect(nameWords(name)).toEqual(area === undefined ? { words } : { area, words });
  });
});
