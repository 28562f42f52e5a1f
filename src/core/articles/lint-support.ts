import {
  addDays,
  isoOfLongDate,
  LONG_DATE,
  longDate,
  supportHasEnded,
  type PlatformSupport,
} from '../products/platform-support.js';
import type { ProductRegistry } from '../products/registry.js';
import type { Report } from './lint-rules.js';
import { type Article, isCommandAction } from './schema.js';

/**
 * CONTENT.md / issue 8: a platform the article lists whose support has ended is marked so in
 * the text, and one whose support ends soon says when. A statement lives in one piece of the
 * article's prose (an FAQ question and answer, a fix's step, why, verify or undo, a cause, the
 * meaning, the escalation), so "Windows 7" in one answer and "out of support" in another about
 * Windows 10 do not add up to a statement about Windows 7.
 *
 * Two kinds of statement count: words that say support is over (only true once it is), and
 * the end date itself, "support for Windows Server 2016 ends on January 12, 2027", which is
 * true before and after the day, so content written ahead of an end date keeps passing when it
 * comes. A stated end date is checked against products.yaml: a wrong one is an error.
 */

/** A listed platform whose support ends within this many days must state its end date. */
export const SUPPORT_ENDING_DAYS = 90;

/**
 * Words that say support is over: "out of support", "support ended", "no longer supports";
 * "mainstream support ended" says nothing about the end of (extended) support.
 */
const SUPPORT_OVER =
  /\b(?:out of support|end of (?:its |their )?(?:extended )?support|no longer support(?:s|ed)?|unsupported|(?<!mainstream )support(?: for (?:[^.;:]|\.\d){1,60}?)?(?: has| had)? ended)\b/i;

/**
 * What comes right before a date that is a platform's end of support: "support … ends on",
 * "supported until", "out of support since", "end of extended support on".
 */
const END_BEFORE_DATE =
  /(?:\bsupport(?:ed)?\b[^;]*?\b(?:ends?|ended|will end|until|since|through)|\bend of (?:its |their )?(?:extended )?support)(?:\s+on)?\s+$/i;

/**
 * A date about something else than the platform's own (extended) support: its mainstream
 * support, Extended Security Updates, or an LTSC/LTSB/IoT edition, which end on other days.
 */
const OTHER_DATE = /\b(?:mainstream|ESU|Extended Security Updates?|LTSC|LTSB|IoT)\b/i;

/** The platform's name as a whole name: "Windows 8" is not found in "Windows 8.1". */
const namePattern = (name: string, flags = 'i'): RegExp =>
  new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w]|\\.\\d)`, flags);

interface Piece {
  /** Where in the article, dotted (`faq.2`, `fixes.0.why`). */
  path: string;
  text: string;
}

/** Every piece of prose of the article, each on its own, with where it is. */
function prosePieces(article: Article): Piece[] {
  const pieces: { path: string; text: string | undefined }[] = [
    { path: 'meaning.summary', text: article.meaning.summary },
    { path: 'meaning.official', text: article.meaning.official },
    { path: 'meaning.detail', text: article.meaning.detail },
    { path: 'escalation', text: article.escalation },
  ];
  article.causes.forEach((cause, index) => {
    pieces.push({ path: `causes.${index}.text`, text: cause.text });
  });
  article.faq.forEach((entry, index) => {
    pieces.push({ path: `faq.${index}`, text: `${entry.question}\n${entry.answer}` });
  });
  article.fixes.forEach((fix, index) => {
    const at = `fixes.${index}`;
    pieces.push({ path: `${at}.why`, text: fix.why }, { path: `${at}.undo`, text: fix.undo });
    pieces.push({ path: `${at}.verify`, text: fix.verify?.text });
    if ('actions' in fix) {
      fix.actions.forEach((action, step) => {
        const text = isCommandAction(action) ? action.condition : action.step;
        pieces.push({ path: `${at}.actions.${step}`, text });
      });
    }
  });
  return pieces.filter((piece): piece is Piece => piece.text !== undefined);
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

type DatedPlatform = { id: string; name: string; support: PlatformSupport };

/** A piece that gives a platform's end of support as a date. */
interface DateStatement {
  platform: DatedPlatform;
  path: string;
  /** As written ("January 12, 2027") and as YYYY-MM-DD. */
  written: string;
  date: string;
}

/** Sentences of a piece: after . ! ? and a space, and at line breaks ("8.1" stays whole). */
const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+/);

/**
 * The end-of-support dates the pieces give: a long date right after "support … ends on" (or
 * the like), read as the platform named last before it in its sentence. A date whose stretch
 * of text (back to the previous date) speaks of mainstream support, ESU or an LTSC edition is
 * about something else and is not read.
 */
function dateStatements(pieces: Piece[], platforms: DatedPlatform[]): DateStatement[] {
  const names = platforms.map((platform) => ({
    platform,
    pattern: namePattern(platform.name, 'gi'),
  }));
  const found: DateStatement[] = [];
  for (const piece of pieces) {
    for (const sentence of sentences(piece.text)) {
      let stretchStart = 0;
      for (const match of sentence.matchAll(LONG_DATE)) {
        const before = sentence.slice(0, match.index);
        const stretch = sentence.slice(stretchStart, match.index);
        stretchStart = match.index + match[0].length;
        const date = isoOfLongDate(match[0]);
        if (!date || !END_BEFORE_DATE.test(stretch) || OTHER_DATE.test(stretch)) continue;
        const platform = lastNamed(before, names);
        if (platform) found.push({ platform, path: piece.path, written: match[0], date });
      }
    }
  }
  return found;
}

/** The platform whose name comes last in the text (the longer name when two end there). */
function lastNamed(
  text: string,
  names: { platform: DatedPlatform; pattern: RegExp }[],
): DatedPlatform | undefined {
  let best: { platform: DatedPlatform; at: number } | undefined;
  for (const { platform, pattern } of names) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].length;
      if (!best || at > best.at) best = { platform, at };
    }
  }
  return best?.platform;
}

export function checkSupportStated(
  article: Article,
  registry: ProductRegistry,
  today: string,
  report: Report,
): void {
  const pieces = prosePieces(article);
  const dated = registry.platforms.filter((p): p is DatedPlatform => p.support !== undefined);
  const statements = dateStatements(pieces, dated);

  for (const statement of statements) {
    const { platform, written, date } = statement;
    if (date === platform.support.ends) continue;
    report(
      'platform-support-date-wrong',
      statement.path,
      `this says ${platform.name}'s support ends ${written}, but products.yaml gives ` +
        `${longDate(platform.support.ends)} (${platform.support.source.url}); correct the date ` +
        `(a date about its mainstream support, ESU or an LTSC edition must say so in the same stretch of the sentence)`,
    );
  }

  const statesDate = (platform: DatedPlatform): boolean =>
    statements.some((s) => s.platform.id === platform.id && s.date === platform.support.ends);

  for (const [id, path] of listedPlatforms(article)) {
    const platform = dated.find((p) => p.id === id);
    if (!platform || statesDate(platform)) continue;
    const { ends, source } = platform.support;
    if (supportHasEnded(platform.support, today)) {
      const name = namePattern(platform.name);
      if (pieces.some(({ text }) => name.test(text) && SUPPORT_OVER.test(text))) continue;
      report(
        'platform-support-unstated',
        path,
        `${platform.name} is out of support (support ended ${longDate(ends)}, ${source.url}): ` +
          `say so where the article covers it, in one FAQ answer, fix step or Why that names ` +
          `"${platform.name}" and says its support ended (or gives its end date, ${longDate(ends)}), ` +
          `with what its updates now need`,
      );
    } else if (ends <= addDays(today, SUPPORT_ENDING_DAYS)) {
      report(
        'platform-support-ending',
        path,
        `${platform.name}'s support ends ${longDate(ends)} (${source.url}), within ` +
          `${SUPPORT_ENDING_DAYS} days: say when, in one FAQ answer, fix step or Why that names ` +
          `"${platform.name}" and gives that date ("support for ${platform.name} ends on ${longDate(ends)}"), ` +
          `with what its updates need after it`,
      );
    }
  }
}
