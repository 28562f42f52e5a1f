// `node scripts/run-together-words.mjs`: writes src/core/families/run-together-words.ts, the
// run-together parts of the tables' symbolic names (`POSTREBOOTUNEXPECTEDSTATE`) split into
// the words they are made of (`POST REBOOT UNEXPECTED STATE`). The words come from the names
// themselves: a part that stands alone in two or more names is a word. Only rare parts are
// split (a part used in four or more names is taken to be a word as it stands), and the output
// is a reviewed file, so a wrong split is fixed in KEEP below and the file written again.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = join(ROOT, 'data/windows');
const OUT = join(ROOT, 'src/core/families/run-together-words.ts');

/** Short words that may be a piece of a run-together part; other pieces have 3 letters or more. */
const SHORT_WORDS = new Set(['BY', 'TO', 'IN', 'ON', 'OF', 'NO', 'AT', 'UP', 'IS', 'BE', 'IF']);
/** Rare parts that are words as they stand (the split would be wrong). */
const KEEP = new Set([
  'APPENDED',
  'BASELINE',
  'COMMAND',
  'DOWNLOAD',
  'ENDPOINT',
  'NAMESPACE',
  'TIMEOUT',
  'DOWNLOADED',
  'INSECURE',
  'MIGRATE',
  'OVERLAPS',
  'PERFORM',
  'PERFORMED',
  'PIPELINE',
  'PRECERTIFICATE',
  'RELATIONSHIP',
  'REPLACE',
  'SETTABLE',
  'UPLOADED',
  'WITHDRAW',
]);
/** Parts the fewest-words rule splits wrongly, split by hand. */
const BY_HAND = {
  ALREADYATTACHEDTOLISTENER: 'ALREADY ATTACHED TO LISTENER',
  ANTIROLLBACKVERSION: 'ANTI ROLLBACK VERSION',
  BADPEREFINSUBSET: 'BAD PE REF IN SUBSET',
  BITNESSMISMATCH: 'BITNESS MISMATCH',
  CANTCREATETMPFILE: 'CANT CREATE TMP FILE',
  CONNECTIONIDLOOKUPFAILED: 'CONNECTION ID LOOKUP FAILED',
  CONNECTORNOTASSOCIATEDWITHEFFECT: 'CONNECTOR NOT ASSOCIATED WITH EFFECT',
  CONNECTORNOTCONNECTED: 'CONNECTOR NOT CONNECTED',
  CTXSTACKFRSTTARGETNULL: 'CTX STACK FIRST TARGET NULL',
  EFFECTALREADYINAGRAPH: 'EFFECT ALREADY IN A GRAPH',
  EXPECTINGCLOSEQUOTE: 'EXPECTING CLOSE QUOTE',
  EXPECTINGTAGEND: 'EXPECTING TAG END',
  GLYPHBITMAPMISSED: 'GLYPH BITMAP MISSED',
  INCONSISTENTPROPFUNCS: 'INCONSISTENT PROP FUNCTIONS',
  INVALIDWMPVERSION: 'INVALID WMP VERSION',
  MEDIAPLAYERCLOSED: 'MEDIA PLAYER CLOSED',
  MISSINGSEMICOLON: 'MISSING SEMICOLON',
  MONITORDESCRIPTOR: 'MONITOR DESCRIPTOR',
  MSIXALLOWEDZONES: 'MSIX ALLOWED ZONES',
  NONINVERTIBLEMATRIX: 'NON INVERTIBLE MATRIX',
  NOTAFFINETRANSFORM: 'NOT AFFINE TRANSFORM',
  NOVIDEOPRESENTER: 'NO VIDEO PRESENTER',
  SOAPCLIENT: 'SOAP CLIENT',
  QUALIFIEDNAMEDISALLOWED: 'QUALIFIED NAME DISALLOWED',
  RESOURCEMANAGER: 'RESOURCE MANAGER',
  TOOMANYSHADERELEMNTS: 'TOO MANY SHADER ELEMENTS',
  ULTIMATEFALLBACK: 'ULTIMATE FALLBACK',
  UNACCEPTABLEBITNESS: 'UNACCEPTABLE BITNESS',
  UNCLOSEDCOMMENT: 'UNCLOSED COMMENT',
  UNCLOSEDSTARTTAG: 'UNCLOSED START TAG',
  UNEXPECTEDWMPFAILURE: 'UNEXPECTED WMP FAILURE',
  USEDEFAULTCURSORS: 'USE DEFAULT CURSORS',
  VIDEOACCELERATIONNOTAVAILABLE: 'VIDEO ACCELERATION NOT AVAILABLE',
  WHITESPACEORQUESTIONMARK: 'WHITESPACE OR QUESTION MARK',
  WMPFACTORYNOTREGISTERED: 'WMP FACTORY NOT REGISTERED',
  WRONGAPPBITNESS: 'WRONG APP BITNESS',
  ALREADYDOWNLOADING: 'ALREADY DOWNLOADING',
  COMMONLOG: 'COMMON LOG',
  INSECUREREDIRECT: 'INSECURE REDIRECT',
  INVALIDUSERIDS: 'INVALID USER IDS',
  MADECHANGESINFORM: 'MADE CHANGES INFORM',
  MIGRATEFAIL: 'MIGRATE FAIL',
  NOTDOWNLOADED: 'NOT DOWNLOADED',
  TRANSPORTOVERLOADED: 'TRANSPORT OVERLOADED',
};

const names = new Set();
for (const file of readdirSync(DATA).filter((f) => f.endsWith('.tsv'))) {
  for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) {
    for (const cell of line.split('\t'))
      if (/^[A-Z][A-Z0-9_]*_[A-Z0-9_]*$/.test(cell)) names.add(cell);
  }
}
const uses = new Map();
for (const name of names) {
  for (const part of new Set(name.split('_'))) if (part) uses.set(part, (uses.get(part) ?? 0) + 1);
}
const isWordUsed = (times) => (piece) =>
  SHORT_WORDS.has(piece) ||
  (piece.length >= 3 && /^[A-Z]+$/.test(piece) && (uses.get(piece) ?? 0) >= times);
/** A word: stands alone in two names; or, for a long part with no split into such words, in one. */
const WORD = isWordUsed(2);
const LOOSE_WORD = isWordUsed(1);

/** How common a split's words are: between two splits into as many words, the commoner wins. */
const commonness = (words) => words.reduce((sum, w) => sum + Math.log(uses.get(w) ?? 1), 0);
const better = (a, b) =>
  b === undefined ||
  a.length < b.length ||
  (a.length === b.length && commonness(a) > commonness(b));

/** The split into the fewest words, each a word of the names; undefined when there is none. */
function split(part, isWord = WORD) {
  const best = [[]];
  for (let end = 1; end <= part.length; end++) {
    for (let start = 0; start < end; start++) {
      const head = best[start];
      const piece = part.slice(start, end);
      if (head === undefined || piece === part || !isWord(piece)) continue;
      const candidate = [...head, piece];
      if (better(candidate, best[end])) best[end] = candidate;
    }
  }
  return best[part.length];
}

const isRare = (part) =>
  part.length >= 7 && (uses.get(part) ?? 0) <= 3 && !KEEP.has(part) && /^[A-Z]+$/.test(part);

/** A split of a common part into words that are all common (`NOTFOUND` → `NOT FOUND`). */
function commonSplit(part) {
  if (part.length < 7 || KEEP.has(part)) return undefined;
  const words = split(part);
  return words?.every((w) => w.length >= 3 && (uses.get(w) ?? 0) >= 10) ? words : undefined;
}

const splits = new Map();
for (const part of uses.keys()) {
  if (!isRare(part)) continue;
  let words = split(part) ?? (part.length >= 12 ? split(part, LOOSE_WORD) : undefined);
  if (words === undefined) continue;
  // A piece that is itself run together (`NOTFOUND`) is split too, into common words only.
  words = words.flatMap(
    (w) => BY_HAND[w]?.split(' ') ?? (isRare(w) ? (split(w) ?? [w]) : (commonSplit(w) ?? [w])),
  );
  splits.set(part, BY_HAND[part] ?? words.join(' '));
}
for (const [part, words] of Object.entries(BY_HAND)) if (uses.has(part)) splits.set(part, words);
const entries = [...splits].sort(([a], [b]) => (a < b ? -1 : 1));
writeFileSync(
  OUT,
  `/**
 * Run-together parts of the tables' symbolic names and the words they are made of, written by
 * scripts/run-together-words.mjs from the names themselves (do not edit by hand: change the
 * script and run it again). Used to read a name as words and to break it only between words.
 */
export const RUN_TOGETHER_WORDS: Readonly<Record<string, string>> = {
${entries.map(([part, words]) => `  ${part}: '${words}',`).join('\n')}
};
`,
);
console.log(`${entries.length} run-together parts written to ${OUT}`);
