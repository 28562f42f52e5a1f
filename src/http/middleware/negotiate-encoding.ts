/** The encodings we compress with, in the order we prefer them when the client ranks them equal. */
export type ContentEncoding = 'br' | 'gzip';
const OURS: readonly ContentEncoding[] = ['br', 'gzip'];

/**
 * The encoding to answer with, from `Accept-Encoding` (RFC 9110 §12.5.3): the highest q-value
 * wins, `q=0` refuses, `*` stands for any encoding not named, and ties go to brotli. `identity`
 * (no compression) when nothing we have is acceptable or the header is absent.
 */
export function negotiateEncoding(header: string | undefined): ContentEncoding | 'identity' {
  if (!header) return 'identity';
  let chosen = chosenFor.get(header);
  if (chosen === undefined) {
    chosen = choose(header);
    if (chosenFor.size >= KEPT_HEADERS) chosenFor.clear();
    chosenFor.set(header, chosen);
  }
  return chosen;
}

/**
 * Browsers send a few distinct `Accept-Encoding` values, the same on every request, so each
 * is read once and its answer kept; past this many (someone varying it) the memo starts over.
 */
const KEPT_HEADERS = 256;
const chosenFor = new Map<string, ContentEncoding | 'identity'>();

function choose(header: string): ContentEncoding | 'identity' {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  let best: ContentEncoding | 'identity' = 'identity';
  let bestWeight = 0;
  for (const encoding of OURS) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
