import { decodeCode } from '../core/codes/decode-hresult.js';
import { formatCode } from '../core/codes/code-value.js';
import type { SearchIndex } from '../core/search-ports.js';
import {
  articleDocument,
  codeDocument,
  type SearchDocument,
} from '../core/search/search-document.js';
import type { AppDeps } from './deps.js';

type SyncDeps = Pick<AppDeps, 'store' | 'catalog' | 'families' | 'search'>;

/** Several searches at once wait for one rebuild, not one each. */
const running = new WeakMap<SearchIndex, Promise<void>>();

/**
 * Keeps the search index in step with the article store: the articles are re-indexed whenever
 * the store's content version changes (a sync of bundled content, a save, another process's
 * write), the codes once per catalog and family set. Called before each search: when nothing
 * changed it costs two version reads.
 */
export function syncSearchIndex(deps: SyncDeps): Promise<void> {
  const pending = running.get(deps.search);
  if (pending) return pending;
  const work = sync(deps).finally(() => running.delete(deps.search));
  running.set(deps.search, work);
  return work;
}

async function sync(deps: SyncDeps): Promise<void> {
  const codesVersion = `codes:${deps.catalog.values().length}:${deps.families
    .list()
    .map((f) => f.id)
    .join(',')}`;
  if ((await deps.search.indexedVersion('code')) !== codesVersion) {
    await deps.search.replaceKind('code', codeDocuments(deps), codesVersion);
  }
  const version = await deps.store.contentVersion();
  if ((await deps.search.indexedVersion('article')) === version) return;
  const documents = (await deps.store.listArticles()).map(({ article }) => {
    const value = Number.parseInt(article.code.slice(2), 16) >>> 0;
    const names = deps.catalog.namesOf(value);
    const families = deps.families.familiesOf(value, decodeCode(value, deps.catalog), names);
    return articleDocument(
      article,
      names.map((n) => n.name),
      families.map((f) => f.id),
    );
  });
  await deps.search.replaceKind('article', documents, version);
}

function codeDocuments(deps: Pick<AppDeps, 'catalog' | 'families'>): SearchDocument[] {
  return deps.catalog.values().map((value) => {
    const names = deps.catalog.namesOf(value);
    const families = deps.families.familiesOf(value, decodeCode(value, deps.catalog), names);
    return codeDocument({
      code: formatCode(value),
      names: names.map((n) => n.name),
      label: deps.catalog.labelOf(value),
      note: deps.families.noteFor(value)?.text,
      families: families.map((f) => ({ id: f.id, title: f.title })),
    });
  });
}
