import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerSettings } from '../config.js';
import { fold, type Step } from './middleware/fold.js';

/** A route whose bodies are capped below the server-wide `MAX_BODY_BYTES`. */
export interface RouteBodyLimit {
  method: string;
  path: RegExp;
  bytes: number;
}

/**
 * Routes that take small forms get small caps. The article-request routes read nothing from
 * the body (the code is in the path); 4 KiB leaves room for a form's hidden fields (a CSRF
 * token once accounts exist) and nothing more.
 */
export const ROUTE_BODY_LIMITS: readonly RouteBodyLimit[] = [
  { method: 'POST', path: /^\/api\/v1\/codes\/[^/]+\/requests$/, bytes: 4096 },
  { method: 'POST', path: /^\/codes\/[^/]+$/, bytes: 4096 },
  // Troubleshooter forms: a platform, or an answer with a pasted message of at most 2000 chars
  // (up to 4 bytes each, percent-encoded: 16 KiB holds it with the other fields).
  { method: 'POST', path: /^\/[^/]+\/[^/]+\/troubleshoot$/, bytes: 4096 },
  { method: 'POST', path: /^\/[^/]+\/[^/]+\/troubleshoot\/[^/]+$/, bytes: 32768 },
  { method: 'POST', path: /^\/[^/]+\/[^/]+\/fixes\/[^/]+\/outcome$/, bytes: 4096 },
  // A diagnostic report (at most 48 KiB, MAX_REPORT_BYTES) and the form around it.
  { method: 'POST', path: /^\/diagnose$/, bytes: 65536 },
  { method: 'POST', path: /^\/api\/v1\/diagnoses$/, bytes: 65536 },
];

/**
 * Log uploads stream (busboy reads the body as it arrives), so hono/body-limit, which
 * buffers a chunked body to count it, must not see them: they are capped by
 * `MAX_LOG_UPLOAD_BYTES` while they stream (`streamedBodyLimit`), not by `MAX_BODY_BYTES`.
 */
export const STREAMED_UPLOAD_ROUTES: readonly { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/api\/v1\/logs\/analyze$/ },
  { method: 'POST', path: /^\/logs$/ },
];

export const isStreamedUpload = (method: string, path: string): boolean =>
  STREAMED_UPLOAD_ROUTES.some((r) => r.method === method && r.path.test(path));

/** Raised inside the body stream when an upload crosses its cap; the route answers 413. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  constructor(readonly limit: number) {
    super(`the upload is larger than this server accepts: at most ${describeBytes(limit)}`);
  }
}

const describeBytes = (bytes: number): string =>
  bytes % 1024 === 0 ? `${bytes} bytes (${bytes / 1024} KiB)` : `${bytes} bytes`;

/** The codes the limits answer with, and their statuses (the OpenAPI error table lists them). */
export const LIMIT_STATUS = { payload_too_large: 413, uri_too_long: 414 } as const;
export type LimitErrorCode = keyof typeof LIMIT_STATUS;

/** Our own answer, not Hono's bare "Payload Too Large": the code, the limit, and a closed connection. */
function refuse(c: Context, code: LimitErrorCode, message: string): Response {
  // The client may still be sending; closing spares reading a body we refuse.
  return c.json({ error: { code, message } }, LIMIT_STATUS[code], { connection: 'close' });
}

/** The body cap of a request: its route's, else the server-wide one. */
export function bodyLimitOf(method: string, path: string, serverWide: number): number {
  const route = ROUTE_BODY_LIMITS.find((r) => r.method === method && r.path.test(path));
  return Math.min(route?.bytes ?? serverWide, serverWide);
}

/**
 * Caps request bodies. A declared `Content-Length` over the cap is refused before a byte of
 * the body is read; a chunked body is counted as it streams in and refused when it crosses
 * the cap (hono/body-limit does both).
 */
export function limitBodies(
  settings: Pick<ServerSettings, 'maxBodyBytes'> &
    Partial<Pick<ServerSettings, 'maxLogUploadBytes'>>,
): MiddlewareHandler {
  const byLimit = new Map<number, MiddlewareHandler>();
  const limiterOf = (bytes: number): MiddlewareHandler => {
    let limiter = byLimit.get(bytes);
    if (limiter === undefined) {
      limiter = bodyLimit({
        maxSize: bytes,
        onError: (c) =>
          refuse(
            c,
            'payload_too_large',
            `the request body is larger than this route accepts: at most ${describeBytes(bytes)}`,
          ),
      });
      byLimit.set(bytes, limiter);
    }
    return limiter;
  };
  return (c, next) => {
    // Node gives GET and HEAD no body stream; asking for one would build a whole Request.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    if (isStreamedUpload(method, c.req.path) && settings.maxLogUploadBytes !== undefined)
      return streamedBodyLimit(c, next, settings.maxLogUploadBytes);
    return limiterOf(bodyLimitOf(method, c.req.path, settings.maxBodyBytes))(c, next);
  };
}

/**
 * A declared `Content-Length` over the cap is refused before the body is read; otherwise the
 * body is counted as it streams through and the stream fails with UploadTooLargeError the
 * moment it crosses the cap, so nothing past the cap is read or kept.
 */
async function streamedBodyLimit(
  c: Context,
  next: () => Promise<void>,
  limit: number,
): Promise<Response | undefined> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit)
    return refuse(c, 'payload_too_large', new UploadTooLargeError(limit).message);
  const body = c.req.raw.body;
  if (body) {
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.length;
          if (seen > limit) controller.error(new UploadTooLargeError(limit));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
  }
  await next();
  return undefined;
}

/** The answer to an upload that crossed its cap while streaming (the same body as above). */
export const refuseUpload = (c: Context, error: UploadTooLargeError): Response =>
  refuse(c, 'payload_too_large', error.message);

/**
 * Caps the URL (path and query) at `MAX_URL_BYTES`: no page or look-up needs more, and a
 * huge URL would otherwise be parsed, logged and echoed before anything refused it.
 */
export function limitUrlsStep(settings: Pick<ServerSettings, 'maxUrlBytes'>): Step<undefined> {
  return {
    refuse(c) {
      const url = c.req.url;
      const start = url.indexOf('/', url.indexOf('//') + 2);
      const length = start < 0 ? 1 : Buffer.byteLength(url.slice(start));
      if (length <= settings.maxUrlBytes) return undefined;
      return refuse(
        c,
        'uri_too_long',
        `the URL is ${length} bytes long; this server accepts at most ${settings.maxUrlBytes}`,
      );
    },
  };
}

export const limitUrls = (settings: Pick<ServerSettings, 'maxUrlBytes'>): MiddlewareHandler =>
  fold([limitUrlsStep(settings)]);
