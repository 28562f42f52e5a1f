import type { MiddlewareHandler } from 'hono';

/** Types whose bytes are text: HTML, CSS, JS, plain text, JSON (and +json), XML. */
const TEXTUAL =
  /^(text\/[\w.+-]+|application\/(json|javascript|xml|[\w.-]+\+json|[\w.-]+\+xml))\s*(;|$)/i;

/**
 * Every text response says `charset=utf-8` (JSON included: a client that guesses another
 * charset garbles names and messages), written the same way everywhere.
 */
export const utf8ContentType = (): MiddlewareHandler => async (c, next) => {
  await next();
  const type = c.res.headers.get('content-type');
  if (!type || !TEXTUAL.test(type)) return;
  // Other parameters stay (Prometheus's `version=0.0.4`); only the charset is written our way.
  const [media = type, ...params] = type.split(';').map((part) => part.trim());
  const others = params.filter((param) => param !== '' && !/^charset=/i.test(param));
  c.res.headers.set('content-type', [media.toLowerCase(), ...others, 'charset=utf-8'].join('; '));
};
