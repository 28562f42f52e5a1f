import { foldedWords, isStopWord, termOf } from './analyze-text.js';
import type { PrefixQuery } from './prefix-query.js';
import { RangeMax } from './range-max.js';
import type { SearchDocument } from './search-document.js';

/**
 * Search-as-you-type without a search: the words of the documents' code, names and title
 * (the `name` and `title` fields), sorted, so the words a prefix starts are one range found by
 * two binary searches; each word lists its documents in a fixed order (by id).
 * A prefix that starts thousands of words is completed to its most frequent ones (RangeMax),
 * never by walking them all, so an answer costs microseconds at 100,000 articles. Built whole
 * from the documents of one kind whenever the index replaces that kind, so it is never behind.
 */

export interface PrefixMatch {
  document: SearchDocument;
  /** The last word is a whole word of the document, not only the start of one. */
  whole: boolean;
  /** It is in the code or one of its names, not only in the title. */
  inName: boolean;
}

/** How many completions of a prefix are looked at: the most frequent ones. */
const COMPLETIONS = 16;
/** At most this many documents are looked at for one answer, however common the words. */
const SCAN_LIMIT = 1_000;
/** Scanning stops once this many matches per one asked for are found. */
const ENOUGH_PER_ANSWER = 4;

const lowerBound = (sorted: readonly string[], value: string): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** Lists of document positions, each ascending, in one flat array (start offsets beside). */
class Postings {
  readonly starts: Int32Array;
  readonly items: Int32Array;
  /** From (list, item) pairs given in ascending item order: counted, then placed. */
  constructor(listCount: number, lists: ArrayLike<number>, items: ArrayLike<number>) {
    this.starts = new Int32Array(listCount + 1);
    for (let i = 0; i < lists.length; i++) (this.starts[(lists[i] as number) + 1] as number)++;
    for (let list = 0; list < listCount; list++)
      this.starts[list + 1] = (this.starts[list + 1] as number) + (this.starts[list] as number);
    this.items = new Int32Array(lists.length);
    const next = this.starts.slice(0, listCount);
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as number;
      this.items[next[list] as number] = items[i] as number;
      next[list] = (next[list] as number) + 1;
    }
  }
  size(list: number): number {
    return (this.starts[list + 1] as number) - (this.starts[list] as number);
  }
  has(list: number, item: number): boolean {
    let low = this.starts[list] as number;
    let high = this.starts[list + 1] as number;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const value = this.items[middle] as number;
      if (value === item) return true;
      if (value < item) low = middle + 1;
      else high = middle;
    }
    return false;
  }
}

export class PrefixDictionary {
  /** Documents in the fixed order every list follows. */
  private readonly documents: SearchDocument[];
  /** Every word, sorted; its postings list the documents holding it. */
  private readonly words: string[];
  private readonly wordPostings: Postings;
  private readonly frequent: RangeMax;
  /** Every term (stemmed, as the index holds it) → its list of documents. */
  private readonly terms: Map<string, number>;
  private readonly termPostings: Postings;
  /** Per document, its words (positions in `words`), from `wordStarts[doc]`; 1 for a name's. */
  private readonly wordStarts: Int32Array;
  private readonly ownWords: Int32Array;
  private readonly ownIsName: Uint8Array;

  constructor(documents: readonly SearchDocument[]) {
    // By id, the order search() breaks its last ties in.
    this.documents = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // One pass, words numbered as met (renumbered in sorted order after), no set per document.
    const wordIds = new Map<string, number>();
    const metWords: string[] = [];
    const lastDocOfWord: number[] = [];
    /** The term list of each word met; -1: no term (a stop word, a whole symbolic name). */
    const termOfWord: number[] = [];
    this.terms = new Map();
    let termCount = 0;
    /** (term list, document) pairs, in document order. */
    const termPairs: number[] = [];
    const termPairDocs: number[] = [];
    const lastDocOfTerm: number[] = [];
    const termListOf = (term: string): number => {
      let list = this.terms.get(term);
      if (list === undefined) {
        list = termCount++;
        lastDocOfTerm.push(-1);
        this.terms.set(term, list);
      }
      return list;
    };
    const starts: number[] = [0];
    const own: number[] = [];
    const isName: number[] = [];
    this.documents.forEach((document, doc) => {
      const add = (word: string, name: number): void => {
        let id = wordIds.get(word);
        if (id === undefined) {
          id = metWords.push(word) - 1;
          wordIds.set(word, id);
          lastDocOfWord.push(-1);
          termOfWord.push(word.includes('_') || isStopWord(word) ? -1 : termListOf(termOf(word)));
        }
        if (lastDocOfWord[id] === doc) return;
        lastDocOfWord[id] = doc;
        own.push(id);
        isName.push(name);
        const list = termOfWord[id] as number;
        if (list === -1) return;
        // Words of one document with the same term ("service", "services") count it once.
        if (lastDocOfTerm[list] === doc) return;
        lastDocOfTerm[list] = doc;
        termPairs.push(list);
        termPairDocs.push(doc);
      };
      for (const word of foldedWords(document.fields.name)) add(word, 1);
      // "80244001" as well as "0x80244001": people leave the prefix out.
      const code = document.code.toLowerCase();
      if (code.startsWith('0x')) add(code.slice(2), 1);
      for (const word of foldedWords(document.fields.title)) add(word, 0);
      starts.push(own.length);
    });
    const order = metWords
      .map((_, id) => id)
      .sort((a, b) => {
        const wa = metWords[a] as string;
        const wb = metWords[b] as string;
        return wa < wb ? -1 : wa > wb ? 1 : 0;
      });
    this.words = order.map((id) => metWords[id] as string);
    const position = new Int32Array(metWords.length);
    order.forEach((id, at) => (position[id] = at));
    this.wordStarts = Int32Array.from(starts);
    this.ownWords = Int32Array.from(own, (id) => position[id] as number);
    this.ownIsName = Uint8Array.from(isName);
    const docOfWord = new Int32Array(own.length);
    for (let doc = 0; doc < this.documents.length; doc++)
      docOfWord.fill(doc, starts[doc], starts[doc + 1]);
    this.wordPostings = new Postings(this.words.length, this.ownWords, docOfWord);
    this.frequent = new RangeMax(
      Int32Array.from(this.words, (_, word) => this.wordPostings.size(word)),
    );
    this.termPostings = new Postings(termCount, termPairs, termPairDocs);
  }

  get size(): number {
    return this.documents.length;
  }

  /**
   * The documents holding every term and a word the prefix starts, best first: the prefix as a
   * whole word before a mere start, in the code or a name before the title, then the fixed
   * order. At most `limit`.
   */
  match(query: PrefixQuery, limit: number): PrefixMatch[] {
    if (limit <= 0 || (query.terms.length === 0 && query.prefix === '')) return [];
    const lists: number[] = [];
    for (const term of query.terms) {
      const list = this.terms.get(term);
      if (list === undefined) return [];
      lists.push(list);
    }
    lists.sort((a, b) => this.termPostings.size(a) - this.termPostings.size(b));
    const noPrefix = query.prefix === '';
    const from = noPrefix ? 0 : lowerBound(this.words, query.prefix);
    const to = noPrefix ? 0 : lowerBound(this.words, `${query.prefix}\uffff`);
    if (!noPrefix && from === to) return [];
    const exact = !noPrefix && this.words[from] === query.prefix ? from : -1;

    const found = new Map<number, PrefixMatch>();
    const consider = (doc: number): void => {
      if (found.has(doc)) return;
      for (const list of lists) if (!this.termPostings.has(list, doc)) return;
      let inRange = noPrefix;
      let whole = noPrefix;
      let inName = false;
      const end = this.wordStarts[doc + 1] as number;
      for (let i = this.wordStarts[doc] as number; i < end; i++) {
        const word = this.ownWords[i] as number;
        if (word < from || word >= to) continue;
        inRange = true;
        if (word === exact) whole = true;
        if (this.ownIsName[i] === 1) inName = true;
      }
      if (inRange)
        found.set(doc, { document: this.documents[doc] as SearchDocument, whole, inName });
    };

    const enough = limit * ENOUGH_PER_ANSWER;
    const [rarest] = lists;
    const rangeSize =
      (this.wordPostings.starts[to] as number) - (this.wordPostings.starts[from] as number);
    if (rarest !== undefined && (noPrefix || this.termPostings.size(rarest) <= rangeSize)) {
      // A complete word is the narrower way in: its documents, tested for the rest.
      const start = this.termPostings.starts[rarest] as number;
      const end = Math.min(this.termPostings.starts[rarest + 1] as number, start + SCAN_LIMIT);
      for (let i = start; i < end && found.size < enough; i++)
        consider(this.termPostings.items[i] as number);
    } else {
      // The prefix is: its whole word and its most frequent completions, each list in order.
      const completions = this.frequent.top(from, to, COMPLETIONS);
      if (exact !== -1 && !completions.includes(exact)) completions.unshift(exact);
      const perWord = Math.max(limit, Math.floor(SCAN_LIMIT / completions.length));
      for (const word of completions) {
        const start = this.wordPostings.starts[word] as number;
        const end = Math.min(this.wordPostings.starts[word + 1] as number, start + perWord);
        for (let i = start; i < end && found.size < enough; i++)
          consider(this.wordPostings.items[i] as number);
      }
    }
    return [...found]
      .sort(
        ([a, ma], [b, mb]) =>
          Number(mb.whole) - Number(ma.whole) || Number(mb.inName) - Number(ma.inName) || a - b,
      )
      .slice(0, limit)
      .map(([, match]) => match);
  }
}
