import type { MiddlewareHandler } from 'hono';
import { fold, type Step } from './fold.js';
import { headerOf, setHeader } from './plain-head.js';

/** Types whose bytes are text: HTML, CSS, JS, plain text, JSON (and +json), XML. */
const TEXTUAL =
  /^(text\/[\w.+-]+|application\/(json|javascript|xml|[\w.-]+\+json|[\w.-]+\+xml))\s*(;|$)/i;

/** A type written our way (`text/html; charset=utf-8`), or undefined when it is not text. */
function utf8Type(type: string): string | undefined {
  if (!TEXTUAL.test(type)) return undefined;
  // Other parameters stay (Prometheus's `version=0.0.4`); only the charset is written our way.
  const [media = type, ...params] = type.split(';').map((part) => part.trim());
  const others = params.filter((param) => param !== '' && !/^charset=/i.test(param));
  return [media.toLowerCase(), ...others, 'charset=utf-8'].join('; ');
}

/** The app answers a handful of distinct types; more than this many means someone is varying them. */
const KEPT_TYPES = 64;

/**
 * Every text response says `charset=utf-8` (JSON included: a client that guesses another
 * charset garbles names and messages), written the same way everywhere. Each distinct type
 * is rewritten once and the result kept: a request costs a map look-up, not a regex and a split.
 */
export const utf8ContentTypeStep = (): Step => {
  const written = new Map<string, string | undefined>();
  return {
    after(c) {
      const type = headerOf(c.res, 'content-type');
      if (!type) return;
      let ours = written.get(type);
      if (ours === undefined && !written.has(type)) {
        ours = utf8Type(type);
        if (written.size >= KEPT_TYPES) written.clear();
        written.set(type, ours);
      }
      if (ours !== undefined && ours !== type) setHeader(c, 'content-type', ours);
    },
  };
};

export const utf8ContentType = (): MiddlewareHandler => fold([utf8ContentTypeStep()]);
