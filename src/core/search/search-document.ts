import type { Article } from '../articles/schema.js';
import { isProcedureFix, isCommandAction } from '../articles/schema.js';

/**
 * What the index holds: one document per article and one per catalogued code, with its text in
 * four fields weighted by how much a match there says (DESIGN.md "Search"): the code and its
 * names above the title, the title above the causes, the causes above the rest.
 */
export const FIELD_WEIGHTS = { name: 10, title: 8, causes: 4, body: 1 } as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;
export const SEARCH_FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];

export type DocumentKind = 'article' | 'code';

export interface SearchDocument {
  /** `article:<product>/<code>` or `code:<code>`: unique in the index. */
  id: string;
  kind: DocumentKind;
  code: string;
  /** What a result shows as its heading. */
  title: string;
  product?: string | undefined;
  severity?: string | undefined;
  /** Platform ids (articles' `appliesTo`). */
  platforms: readonly string[];
  /** Family ids of the code. */
  families: readonly string[];
  fields: Readonly<Record<SearchField, string>>;
}

/** Markdown marks that are not words: emphasis, code ticks, link targets. */
const plain = (markdown: string): string =>
  markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`#>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const joinText = (parts: ReadonlyArray<string | undefined>): string =>
  parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map(plain)
    .join(' · ');

export function articleDocument(
  article: Article,
  codeNames: readonly string[],
  families: readonly string[],
): SearchDocument {
  const fixParts = article.fixes.flatMap((fix) => [
    fix.title,
    fix.why,
    fix.verify?.text,
    fix.verify?.command?.command,
    ...(isProcedureFix(fix)
      ? []
      : fix.actions.map((action) => (isCommandAction(action) ? action.command : action.step))),
  ]);
  return {
    id: `article:${article.product}/${article.code}`,
    kind: 'article',
    code: article.code,
    title: article.title,
    product: article.product,
    severity: article.severity,
    platforms: article.appliesTo,
    families,
    fields: {
      name: joinText([article.code, ...codeNames]),
      // What Windows shows is what people paste: weighted like the title.
      title: joinText([article.title, ...article.messages.map((m) => m.text)]),
      causes: joinText(article.causes.map((c) => c.text)),
      body: joinText([
        article.meaning.summary,
        article.meaning.official,
        article.meaning.detail,
        ...fixParts,
        article.escalation,
        ...article.faq.flatMap((entry) => [entry.question, entry.answer]),
        ...article.related,
      ]),
    },
  };
}

export interface CodeFacts {
  code: string;
  names: readonly string[];
  /** setup-results.tsv label, for codes without a name. */
  label?: string | undefined;
  /** The code's one line in its family's `## Codes`. */
  note?: string | undefined;
  families: readonly { id: string; title: string }[];
}

export function codeDocument(facts: CodeFacts): SearchDocument {
  return {
    id: `code:${facts.code}`,
    kind: 'code',
    code: facts.code,
    title: facts.names[0] ?? facts.label ?? facts.code,
    platforms: [],
    families: facts.families.map((f) => f.id),
    fields: {
      name: joinText([facts.code, ...facts.names]),
      title: joinText([facts.label]),
      causes: joinText([facts.note]),
      body: joinText(facts.families.map((f) => f.title)),
    },
  };
}
