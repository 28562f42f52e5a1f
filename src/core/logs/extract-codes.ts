import type { Catalog } from '../codes/catalog.js';
import { hresultFromWin32, MAX_WIN32_CODE } from '../codes/code-value.js';

/**
 * Codes taken from their context only (LOG-FORMATS.md §1–§8): `*FAILED* [..]`,
 * `[HRESULT = ..]`, `(hr:0x..)`, `hr=`, `gle=`, `error 0x..`, `error code`, `exit code`,
 * `Result =`, `Exception from HRESULT`, setup result lines, `errorCode` event data, CSI's
 * `(F) STATUS_…`. A bare 8-hex-digit token (a hash, a sequence number, a message id such as
 * `[0x080489]`) is never read as a code.
 */
export type CodeInContext = {
  value: number;
  /** Which context named it, e.g. `[HRESULT = ..]`. */
  context: string;
  /** Set for a Windows setup result written with its extend code. */
  extend?: number;
};

type Form = {
  context: string;
  source: string;
  /** Turns the form's capture groups into codes (several for a setup result line). */
  read: (groups: (string | undefined)[], catalog: Pick<Catalog, 'valueOfName'>) => CodeInContext[];
};

const hex = (s: string | undefined): number => Number.parseInt(s ?? '', 16) >>> 0;
const one =
  (context: string) =>
  (g: (string | undefined)[]): CodeInContext[] => [{ value: hex(g[0]), context }];
const win32 = (context: string, value: number): CodeInContext[] =>
  value <= MAX_WIN32_CODE ? [{ value: hresultFromWin32(value), context }] : [];

const FORMS: Form[] = [
  {
    context: '*FAILED* [..]',
    source: String.raw`\*FAILED\*\s*\[([0-9A-Fa-f]{8})\]`,
    read: one('*FAILED* [..]'),
  },
  {
    context: '[HRESULT = ..]',
    source: String.raw`\[HRESULT\s*=\s*0x([0-9A-Fa-f]{1,8})\b[^\]]*\]`,
    read: one('[HRESULT = ..]'),
  },
  { context: '(hr:0x..)', source: String.raw`\(hr:0x([0-9A-Fa-f]{1,8})\)`, read: one('(hr:0x..)') },
  {
    context: 'Exception from HRESULT',
    source: String.raw`Exception from HRESULT:?\s*0x([0-9A-Fa-f]{1,8})`,
    read: one('Exception from HRESULT'),
  },
  {
    context: 'setup result and extend code',
    source: String.raw`Reporting error event -> \[0x([0-9A-Fa-f]{1,8}), 0x([0-9A-Fa-f]{1,5})\]`,
    read: (g) => [{ value: hex(g[0]), extend: hex(g[1]), context: 'setup result and extend code' }],
  },
  {
    context: 'setup result and extend code',
    source: String.raw`extended data \[0x([0-9A-Fa-f]{1,5})\] for error \[0x([0-9A-Fa-f]{1,8})\]`,
    read: (g) => [{ value: hex(g[1]), extend: hex(g[0]), context: 'setup result and extend code' }],
  },
  {
    context: 'setup result and extend code',
    source: String.raw`\b(0x[Cc]19[0-9A-Fa-f]{5})\s*-\s*0x([0-9A-Fa-f]{1,5})\b`,
    read: (g) => [
      {
        value: hex((g[0] ?? '').slice(2)),
        extend: hex(g[1]),
        context: 'setup result and extend code',
      },
    ],
  },
  {
    context: 'SetupResult',
    source: String.raw`(?:SetupResult:|Remapping install error \[0x[0-9A-Fa-f]{1,8}\] ->)\s*\[0x([0-9A-Fa-f]{1,8})\]`,
    read: one('SetupResult'),
  },
  {
    context: 'gle=',
    source: String.raw`\bgle=0x([0-9A-Fa-f]{1,8})\b`,
    // GetLastError is a Win32 code; a full HRESULT after gle= (`[gle=0x80004005]`) stays as it is.
    read: (g) =>
      hex(g[0]) > MAX_WIN32_CODE
        ? [{ value: hex(g[0]), context: 'gle=' }]
        : win32('gle=', hex(g[0])),
  },
  {
    context: 'errorCode',
    source: String.raw`\berrorCode['"]?\s*[>=:]\s*['"]?0x([0-9A-Fa-f]{1,8})\b`,
    read: one('errorCode'),
  },
  {
    context: 'hr=',
    // `HRESULT=80070BC9` (DISM, no 0x) and `hr = 0x…`; without 0x only eight digits count.
    source: String.raw`\b(?:hr|hresult)\s*[=:]\s*\[?(?:0x([0-9A-Fa-f]{1,8})|([0-9A-Fa-f]{8}))\b`,
    read: (g) => [{ value: hex(g[0] ?? g[1]), context: 'hr=' }],
  },
  {
    context: 'exit code',
    source: String.raw`\b(?:exit|return) code\s*[=:]?\s*(?:0x([0-9A-Fa-f]{1,8})\b|(\d{1,5})\b)`,
    read: (g) =>
      g[0] !== undefined
        ? [{ value: hex(g[0]), context: 'exit code' }]
        : win32('exit code', Number(g[1])),
  },
  {
    context: 'Result =',
    source: String.raw`\bResult\s*[=:]\s*\[?0x([0-9A-Fa-f]{1,8})\b`,
    read: one('Result ='),
  },
  {
    context: 'error code',
    source: String.raw`\berror code\s*[=:]?\s*(?:0x([0-9A-Fa-f]{1,8})\b|(\d{1,5})\b)`,
    read: (g) =>
      g[0] !== undefined
        ? [{ value: hex(g[0]), context: 'error code' }]
        : win32('error code', Number(g[1])),
  },
  {
    context: 'error 0x..',
    source: String.raw`\berror\s*[=:]?\s*\[?0x([0-9A-Fa-f]{1,8})\b`,
    read: one('error 0x..'),
  },
  {
    context: 'Error N while',
    // MIG writes the Win32 code in decimal: `Error 1392 while gathering object …`.
    source: String.raw`\bError (\d{1,5}) while\b`,
    read: (g) => win32('Error N while', Number(g[0])),
  },
  {
    context: 'NTSTATUS',
    source: String.raw`\bNTSTATUS\s*[=:]?\s*(-\d{1,10})\b`,
    read: (g) => {
      const n = Number(g[0]);
      return n >= -0x80000000 ? [{ value: n >>> 0, context: 'NTSTATUS' }] : [];
    },
  },
  {
    context: '(F) STATUS_…',
    source: String.raw`(?:\(F\)\s*|NTSTATUS_FROM_WIN32\()((?:STATUS|ERROR)_[A-Z0-9_]+)`,
    read: (g, catalog) => {
      const name = g[0] ?? '';
      const named = catalog.valueOfName(name)[0];
      if (!named) return [];
      // NTSTATUS_FROM_WIN32(ERROR_X) is the Win32 code; HRESULT form for one key per code.
      return name.startsWith('ERROR_')
        ? win32('NTSTATUS_FROM_WIN32', named.value)
        : [{ value: named.value >>> 0, context: '(F) STATUS_…' }];
    },
  },
  {
    context: 'code first',
    // Panther CONX writes the code first: `0x80070002 Failed to get ImagePath for service`.
    source: String.raw`^(?:\[[\w.]+\]\s*)?0x([0-9A-Fa-f]{8}) (?=[A-Z])`,
    read: one('code first'),
  },
];

const GROUPS: { form: Form; first: number; count: number }[] = [];
let groupIndex = 1;
for (const form of FORMS) {
  const count = new RegExp(`${form.source}|`).exec('')!.length - 1;
  GROUPS.push({ form, first: groupIndex, count });
  groupIndex += count + 1;
}
/** One pass over a line: every form as a capture group of one alternation. */
const ALL = new RegExp(FORMS.map((f) => `(${f.source})`).join('|'), 'gi');
/** A cheap pre-test: every form needs one of these letters or a `0x`. */
const MAYBE = /0x|hr|fail|err|gle|result|code|status|exception/i;

/** Failure codes (severity bit set) named by their context in `text`, one per value. */
export function extractCodes(text: string, catalog: Pick<Catalog, 'valueOfName'>): CodeInContext[] {
  if (!MAYBE.test(text)) return [];
  const found: CodeInContext[] = [];
  ALL.lastIndex = 0;
  for (let m = ALL.exec(text); m !== null; m = ALL.exec(text)) {
    if (m[0] === '') {
      ALL.lastIndex++;
      continue;
    }
    const hit = GROUPS.find((g) => m[g.first] !== undefined);
    if (!hit) continue;
    const groups = m.slice(hit.first + 1, hit.first + 1 + hit.count);
    for (const code of hit.form.read(groups, catalog)) {
      // Success and informational values (`hr = 0x0`, `Exit code = 0x240001`) are not failures.
      if (code.value < 0x80000000) continue;
      if (found.some((f) => f.value === code.value)) {
        const same = found.find((f) => f.value === code.value);
        if (same && same.extend === undefined && code.extend !== undefined)
          same.extend = code.extend;
        continue;
      }
      found.push(code);
    }
  }
  return found;
}
