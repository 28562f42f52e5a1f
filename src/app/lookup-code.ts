import { decodeCode } from '../core/codes/decode-hresult.js';
import { readNotation } from '../core/codes/read-notation.js';
import { plainMeaning } from '../core/families/plain-meaning.js';
import { DomainError } from '../core/errors.js';
import type { ArticleRef } from '../core/ports.js';
import type { AppDeps } from './deps.js';
import type { ArticleLink, CodeLookup } from './responses.js';
import { retryAdvice } from './retry-advice.js';
import { articleApiPath, articlePath, codePath } from './urls.js';

export const toArticleLink = (ref: ArticleRef): ArticleLink => ({
  product: ref.product,
  code: ref.code,
  title: ref.title,
  url: articlePath(ref.product, ref.code),
  apiUrl: articleApiPath(ref.product, ref.code),
});

/**
 * Any notation → every reading, ranked, each with its names, decode and articles. Input that
 * does not parse is a DomainError `invalid_notation` carrying suggestions. A query with no side
 * effect: a route that serves the answer to a person counts it (`LookupCounter.recordLookup`).
 */
export async function lookupCode(
  deps: Pick<AppDeps, 'catalog' | 'families' | 'store'>,
  input: string,
): Promise<CodeLookup> {
  const read = readNotation(input, deps.catalog);
  if (!read.ok) {
    throw new DomainError('invalid_notation', read.reason.message, {
      suggestions: read.reason.suggestions,
    });
  }
  const readings = await Promise.all(
    read.value.map(async (reading) => {
      const decode = decodeCode(reading.value, deps.catalog);
      const families = deps.families.familiesOf(reading.value, decode, reading.names);
      const note = deps.families.noteFor(reading.value);
      const articles = await deps.store.findArticlesByCode(reading.code);
      const retry = await retryAdvice(deps, reading.value, articles, families[0]);
      const meaning = plainMeaning({
        names: reading.names,
        decoded: decode,
        note: note?.text,
        label: deps.catalog.labelOf(reading.value),
      });
      return {
        code: reading.code,
        value: reading.value,
        notation: reading.notation,
        known: reading.known,
        rank: reading.rank,
        reason: reading.reason,
        names: reading.names.map((name) => ({ ...name })),
        ...(reading.label !== undefined ? { label: reading.label } : {}),
        ...(reading.knownVia !== undefined ? { knownVia: reading.knownVia } : {}),
        ...(reading.extend !== undefined ? { extend: structuredClone(reading.extend) } : {}),
        ...(reading.suggestions !== undefined ? { suggestions: [...reading.suggestions] } : {}),
        decode,
        families: families.map((family) => family.id),
        ...(note ? { note: note.text } : {}),
        ...(meaning !== undefined ? { plainMeaning: meaning } : {}),
        articles: articles.map(toArticleLink),
        ...(retry ? { retry } : {}),
        url: codePath(reading.code),
      };
    }),
  );
  const best = readings[0];
  if (!best) throw new Error('readNotation returned ok with no reading');
  return { input, known: best.known, readings };
}
