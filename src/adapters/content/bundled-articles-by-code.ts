import type { ContentFile } from '../../app/content-file.js';
import { listContentPaths, readContentPaths } from './read-content-dir.js';
import type { ArticleLoader } from '../memory/on-demand-article-store.js';

/** `<product>/<code>.md`: where bundled content must keep an article (import-content.ts). */
const ARTICLE_PATH = /^[^/]+\/(0x[0-9A-F]{8})\.md$/;
/** Procedures are read with any article: an article's `use:` must find its procedure. */
const PROCEDURE_PATH = /^procedures\/[^/]+\.md$/;
/** Families are not stored (syncBundledContent leaves them out). */
const FAMILY_PATH = /^families\/[^/]+\.md$/;

/**
 * The bundled content read as a look-up needs it: the article files of the code asked about
 * (by file name) and the procedures, handed to `sync` (which saves them into the store), instead
 * of every article for one code. Everything is read and synced, as before, when `all` is asked
 * for, when a file is not where its name says what it holds (any path other than procedures,
 * families and `<product>/<code>.md`), or when syncing a code's files fails (an article whose
 * code is not its file name is refused there): the whole sync then gives the answer, or the
 * same refusal, that it always gave.
 */
export function bundledArticlesByCode(
  root: string,
  sync: (files: readonly ContentFile[]) => Promise<unknown>,
): ArticleLoader {
  const paths = listContentPaths(root);
  const procedures = paths.filter((path) => PROCEDURE_PATH.test(path));
  const byCode = new Map<string, string[]>();
  let placed = true;
  for (const path of paths) {
    // Procedures and families first: `procedures/0x80070005.md` is not an article of that code.
    if (PROCEDURE_PATH.test(path) || FAMILY_PATH.test(path)) continue;
    const code = ARTICLE_PATH.exec(path)?.[1];
    if (code !== undefined) byCode.set(code, [...(byCode.get(code) ?? []), path]);
    else placed = false;
  }

  let everything: Promise<void> | undefined;
  const all = (): Promise<void> =>
    (everything ??= sync(readContentPaths(root, paths)).then(() => undefined));
  const codes = new Map<string, Promise<void>>();
  return {
    all,
    code: (code) => {
      if (everything !== undefined || !placed) return all();
      let loading = codes.get(code);
      if (loading === undefined) {
        const files = readContentPaths(root, [...procedures, ...(byCode.get(code) ?? [])]);
        loading = sync(files).then(() => undefined, all);
        codes.set(code, loading);
      }
      return loading;
    },
  };
}
