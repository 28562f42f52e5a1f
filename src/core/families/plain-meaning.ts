import type { CodeName } from '../codes/code-name.js';
import type { Decoded } from '../codes/decode-hresult.js';
import { COMMON_MEANINGS } from './common-meanings.js';
import { nameWords } from './name-words.js';

/** What the plain meaning of one code is made from; all of it as the caller already has it. */
export type PlainMeaningInput = {
  /** The code's names, in DESIGN.md's order ([] for a value no table names). */
  names: readonly CodeName[];
  decoded: Decoded;
  /** The code's one line from its family (`## Codes`), our own words. */
  note?: string | undefined;
  /** Our short words for a setup result (setup-results.tsv `label`). */
  label?: string | undefined;
};

/**
 * What a code means for the person, in one or two sentences that start with a capital and end
 * with a full stop: the family's note on the code if it has one, else a meaning written by
 * hand for the common codes, else words made from its names (area and name words, and what
 * kind of code it is). Undefined only for a value that neither a table nor what it carries
 * names.
 */
export function plainMeaning({
  names,
  decoded,
  note,
  label,
}: PlainMeaningInput): string | undefined {
  if (note !== undefined && note.trim() !== '') return asSentence(note);
  const common = names.map((name) => COMMON_MEANINGS[name.name]).find((m) => m !== undefined);
  if (common !== undefined) return common;
  const wrapped = decoded.wrapped;
  if (wrapped?.scheme === 'http') {
    const phrase = wrapped.reasonPhrase === undefined ? '' : ` (${wrapped.reasonPhrase})`;
    return `The web server answered with HTTP status ${wrapped.status}${phrase} instead of what was asked for.`;
  }
  if (label !== undefined)
    return asSentence(`${label}: a result code of Windows setup (upgrades and feature updates)`);
  const name = names.find((n) => n.aliasOf === undefined) ?? names[0];
  if (name !== undefined) return fromName(name, decoded);
  return fromWrapped(decoded);
}

/** A value no table names, known by the Win32 or NTSTATUS code inside it. */
function fromWrapped(decoded: Decoded): string | undefined {
  const wrapped = decoded.wrapped;
  if (wrapped === undefined || wrapped.scheme === 'http') return undefined;
  const [inner] = wrapped.names;
  if (inner === undefined) return undefined;
  if (wrapped.scheme === 'ntstatus') {
    const meaning =
      COMMON_MEANINGS[inner] ??
      sentenceFor(inner, {
        kind: ntstatusKind(wrapped.value),
        who: 'the Windows kernel or a driver',
      });
    return `${meaning} A component passed this kernel status on as an HRESULT.`;
  }
  const meaning =
    COMMON_MEANINGS[inner] ?? sentenceFor(inner, { kind: `Windows error ${wrapped.code}` });
  return `${meaning} A kernel-mode component passed this Windows error on as a status code.`;
}

function fromName(name: CodeName, decoded: Decoded): string {
  const kind = hresultKind(decoded);
  switch (name.table) {
    case 'win32':
    case 'winhttp':
    case 'wininet': {
      const code = name.win32Code ?? decoded.code;
      const client = name.table === 'win32' ? '' : 'a network error, ';
      return sentenceFor(name.name, {
        kind: `${client}Windows error ${code}`,
        after: 'passed on by the program that reported it',
      });
    }
    case 'ntstatus':
      return sentenceFor(name.name, {
        kind: ntstatusKind(decoded.unsigned),
        who: 'the Windows kernel or a driver',
      });
    case 'bits':
      return sentenceFor(name.name, { kind, who: 'BITS, the background transfer service' });
    case 'do':
      return sentenceFor(name.name, { kind, who: 'Delivery Optimization' });
    case 'cbs':
      return sentenceFor(name.name, { kind, who: CBS_WHO[name.cbsFamily ?? 'CBS'] });
    case 'wu':
      return sentenceFor(name.name, { kind, who: 'Windows Update' });
    case 'setup':
      return sentenceFor(name.name, { kind, who: 'Windows setup' });
    case 'hresults':
      return sentenceFor(name.name, { kind, who: facilityWords(decoded) });
  }
}

const CBS_WHO = {
  CBS: 'Windows servicing (CBS), which installs updates and Windows features',
  PSFX: 'servicing while it builds files from update deltas (PSFX)',
  SPAPI: 'SetupAPI, which installs devices and drivers',
} as const;

type Frame = {
  /** What kind of code: "an error", "Windows error 5", "a warning". */
  kind: string;
  /** Who reports it when the name's prefix does not say. */
  who?: string | undefined;
  /** A last clause. */
  after?: string;
};

/**
 * `<Name words>: <kind>[ from <who>][, <after>].` The area the name's prefix says wins over
 * the caller's `who` (a facility, a table), since it is the more specific.
 */
function sentenceFor(name: string, { kind, who, after }: Frame): string {
  const { area, words } = nameWords(name);
  const from = area ?? who;
  const tail = after === undefined ? '' : `, ${after}`;
  return asSentence(`${words}: ${kind}${from === undefined ? '' : ` from ${from}`}${tail}`);
}

/** NTSTATUS severity is its top two bits (ntstatus.h: success, informational, warning, error). */
function ntstatusKind(value: number): string {
  const kinds = [
    'a success status, not an error,',
    'an informational status, not an error,',
    'a warning',
    'an error',
  ];
  return kinds[value >>> 30] ?? 'an error';
}

function hresultKind(decoded: Decoded): string {
  return decoded.severity === 'failure' ? 'an error' : 'a success code, not an error,';
}

/** winerror.h facilities whose name alone says little, in words. */
const FACILITY_WORDS: Readonly<Record<string, string>> = {
  FACILITY_ITF: 'a COM component',
  FACILITY_WIN32: 'Windows',
  FACILITY_WINDOWS: 'Windows',
  FACILITY_DISPATCH: 'COM automation',
  FACILITY_STORAGE: 'structured storage',
  FACILITY_SECURITY: 'Windows security',
  FACILITY_SSPI: 'Windows security',
  FACILITY_WINDOWSUPDATE: 'Windows Update',
  FACILITY_WER: 'Windows Error Reporting',
  FACILITY_URLMON: 'Internet URL handling',
  FACILITY_SETUPAPI: 'SetupAPI',
  FACILITY_DIRECT2D: 'Direct2D graphics',
};

/** `FACILITY_INPUT` → "the INPUT component"; none for the null facility. */
function facilityWords(decoded: Decoded): string | undefined {
  const name = decoded.facility.name;
  if (name === undefined || decoded.facility.number === 0) return undefined;
  const known = FACILITY_WORDS[name];
  if (known !== undefined) return known;
  const { words } = nameWords(name.replace(/^FACILITY_/, ''));
  return `the ${words.length <= 4 ? words.toUpperCase() : words} component`;
}

/** Capital first, one full stop last, whitespace tidied; a colon-trailing comma dropped. */
function asSentence(text: string): string {
  const tidy = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/,(?=[.:]|$)/g, '');
  const capital = tidy.charAt(0).toUpperCase() + tidy.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
