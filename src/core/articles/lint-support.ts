import { longDate, supportHasEnded } from '../products/platform-support.js';
import type { ProductRegistry } from '../products/registry.js';
import type { Report } from './lint-rules.js';
import { type Article, isCommandAction } from './schema.js';

/**
 * CONTENT.md / issue 8: a platform the article lists whose support has ended is marked so in
 * the text. The check: one piece of the article's prose (an FAQ question or answer, a fix's
 * step, why, verify or undo, a cause, the meaning, the escalation) names the platform and says
 * that its support ended. The same piece, so "Windows 7" in one answer and "out of support" in
 * another about Windows 10 do not add up to a statement about Windows 7.
 */

/** Words that say support is over: "out of support", "support ended", "no longer supports". */
const SUPPORT_OVER =
  /\b(?:out of support|end of (?:its |their )?(?:extended )?support|no longer support(?:s|ed)?|unsupported|support(?: for (?:[^.;:]|\.\d){1,60}?)?(?: has| had)? ended|support ended)\b/i;

/** The platform's name as a whole name: "Windows 8" is not found in "Windows 8.1". */
const namePattern = (name: string): RegExp =>
  new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w]|\\.\\d)`, 'i');

/** Every piece of prose of the article, each on its own. */
function prosePieces(article: Article): string[] {
  const pieces = [article.meaning.summary, article.meaning.official, article.meaning.detail];
  pieces.push(article.escalation);
  for (const cause of article.causes) pieces.push(cause.text);
  for (const entry of article.faq) pieces.push(`${entry.question}\n${entry.answer}`);
  for (const fix of article.fixes) {
    pieces.push(fix.why, fix.undo, fix.verify?.text);
    if ('actions' in fix) {
      for (const action of fix.actions)
        pieces.push(isCommandAction(action) ? action.condition : action.step);
    }
  }
  return pieces.filter((piece): piece is string => piece !== undefined);
}

/** Where the article lists each platform first: `appliesTo.N`, else `fixes.N.platforms.M`. */
function listedPlatforms(article: Article): Map<string, string> {
  const where = new Map<string, string>();
  article.appliesTo.forEach((id, index) => {
    if (!where.has(id)) where.set(id, `appliesTo.${index}`);
  });
  article.fixes.forEach((fix, fixIndex) => {
    fix.platforms?.forEach((id, index) => {
      if (!where.has(id)) where.set(id, `fixes.${fixIndex}.platforms.${index}`);
    });
  });
  return where;
}

export function checkSupportStated(
  article: Article,
  registry: ProductRegistry,
  today: string,
  report: Report,
): void {
  const pieces = prosePieces(article);
  for (const [id, path] of listedPlatforms(article)) {
    const platform = registry.platforms.find((p) => p.id === id);
    if (!platform?.support || !supportHasEnded(platform.support, today)) continue;
    const name = namePattern(platform.name);
    if (pieces.some((piece) => name.test(piece) && SUPPORT_OVER.test(piece))) continue;
    report(
      'platform-support-unstated',
      path,
      `${platform.name} is out of support (support ended ${longDate(platform.support.ends)}, ` +
        `${platform.support.source.url}): say so where the article covers it, in one FAQ answer, ` +
        `fix step or Why that names "${platform.name}" and says its support ended, with what its updates now need`,
    );
  }
}
