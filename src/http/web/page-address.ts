import type { Context } from 'hono';

/**
 * The path of the page being answered, as sent (still percent-encoded, so a `%00` or `%22` in
 * it stays text in the page), for the layout's canonical link when a page names none (error
 * pages, walk-through steps). Cut from the request's URL by hand: `c.req.path` is decoded, and
 * parsing a whole URL per page costs more than the slice.
 */
export function pagePath(c: Context): string {
  const url = c.req.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const end = url.search(/[?#]/);
  return url.slice(start, end === -1 ? undefined : end);
}

let rendering: string | undefined;

/**
 * Runs `render` with `path` as the page being rendered. Rendering is synchronous, so no other
 * request can render in between: a plain variable does what AsyncLocalStorage would, without
 * switching on Node's promise hooks for every request.
 */
export function whileRendering<T>(path: string | undefined, render: () => T): T {
  rendering = path;
  try {
    return render();
  } finally {
    rendering = undefined;
  }
}

/** The path of the page being rendered, or undefined outside `whileRendering`. */
export const currentPagePath = (): string | undefined => rendering;
