import { analyze } from './analyze-text.js';

/**
 * Words people use for the same thing in this field. Each group is a set of phrases that mean
 * the same; a query word (or two neighbouring words) that is one of them also matches the
 * others, at a lower weight than the word itself. Keep groups narrow: a synonym that is only
 * sometimes right costs precision on every query that uses it. Editors extend this table.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['stuck', 'hangs', 'hang', 'frozen', 'freezes', 'not responding'],
  ['proxy', 'winhttp'],
  ['wsus', 'update server'],
  ['wont', "won't", 'cannot', 'fails to', 'does not'],
  ['start', 'run', 'running'],
  ['service', 'wuauserv'],
  ['bits', 'background intelligent transfer'],
  ['disk', 'drive', 'storage'],
  ['space', 'free space'],
  ['corrupt', 'corrupted', 'damaged', 'broken'],
  ['install', 'installation', 'setup'],
  ['download', 'downloading'],
  ['upgrade', 'feature update'],
  ['permission', 'access denied'],
  ['network', 'connection', 'internet', 'connectivity'],
  ['timeout', 'timed out'],
  ['certificate', 'cert'],
  ['memory', 'ram'],
  ['reboot', 'restart'],
  ['dism', 'component store'],
  ['sfc', 'system file checker'],
  ['firewall', 'blocked'],
  ['kb', 'cumulative update'],
];

/** A synonym as the terms it is made of (a phrase is several terms, all required). */
export type SynonymPhrase = readonly string[];

type SynonymTable = ReadonlyMap<string, readonly SynonymPhrase[]>;

const keyOf = (terms: readonly string[]): string => terms.join(' ');

function buildTable(groups: readonly (readonly string[])[]): SynonymTable {
  const table = new Map<string, SynonymPhrase[]>();
  for (const group of groups) {
    const phrases = group.map((phrase) => analyze(phrase)).filter((terms) => terms.length > 0);
    for (const phrase of phrases) {
      const others = phrases.filter((other) => keyOf(other) !== keyOf(phrase));
      const list = table.get(keyOf(phrase)) ?? [];
      for (const other of others) {
        if (!list.some((known) => keyOf(known) === keyOf(other))) list.push(other);
      }
      table.set(keyOf(phrase), list);
    }
  }
  return table;
}

let table: SynonymTable | undefined;

/** The other phrases of the groups holding this phrase of terms; [] when it has none. */
export function synonymsOf(terms: readonly string[]): readonly SynonymPhrase[] {
  table ??= buildTable(SYNONYM_GROUPS);
  return table.get(keyOf(terms)) ?? [];
}
