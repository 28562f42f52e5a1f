import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { negotiateEncoding } from './middleware/negotiate-encoding.js';
import { plainOf } from './middleware/plain-head.js';
import { REQUEST_ID_HEADER } from './middleware/request-id.js';
import type { RequestLine } from './middleware/request-log.js';

/** What a route says of a kept answer (a cached page, a look-up) when it offers it to the lane. */
export interface KeptOffer {
  /**
   * Whether the kept answer is still the one the route would give now (the same content
   * version, the same day): asked before every answer from the lane, as the route asks its cache.
   */
  current(): boolean | Promise<boolean>;
  /** What the route does on every answer besides answering (counting a look-up, a cache hit). */
  served?(): void;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by a route whose answer the lane may give again (see `offerToLane`). */
    keptOffer: KeptOffer;
  }
}

/** Lets the lane give this request's answer again to the same request, while `offer` says so. */
export const offerToLane = (c: Context, offer: KeptOffer): void => {
  c.set('keptOffer', offer);
};

/** An answer as the app sent it, to be sent again byte for byte but for its request id. */
interface KeptAnswer {
  offer: KeptOffer;
  /** The app's head with Content-Length, as the Node adapter writes it (its order kept). */
  head: Record<string, string | number>;
  body: Uint8Array;
  /** The route pattern, as the request line and the metrics each name it. */
  logRoute: string;
  metricsRoute: string;
}

export interface KeptLaneDeps {
  newId: () => string;
  line: RequestLine;
  count: (method: string, route: string, status: number, started: number) => void;
  /** Whether a request came over TLS as the app judges it (its answers then carry HSTS). */
  overTls: (request: IncomingMessage) => boolean;
  /** The route patterns of an answered request, for the request line and the metrics. */
  routes: (c: Context) => { logRoute: string; metricsRoute: string };
  /** Answers kept; the least recently recorded go first. */
  capacity?: number;
}

/**
 * Kept answers given again in front of the app. A route that answers from its cache offers the
 * answer (`offerToLane`); once the app's middleware has made it whole (security headers, CORS,
 * ETag, encoding) the lane records it under what chose it: the URL, the Host, the negotiated
 * encoding and TLS. The same request then gets the same bytes straight from Node, with a fresh
 * request id, its request line, its metrics and the route's own bookkeeping (`served`), while
 * the route's `current` says the answer still holds. Hono's dispatch, the adapter's request and
 * response objects and the middleware's frames cost a kept answer more than everything else it
 * did. Whatever could make the answer differ goes to the app: any method but GET,
 * `If-None-Match` (a 304 is the app's), a request body, a changed version.
 */
export class KeptLane {
  private readonly answers = new Map<string, KeptAnswer>();
  private readonly capacity: number;

  constructor(private readonly deps: KeptLaneDeps) {
    this.capacity = deps.capacity ?? 2_000;
  }

  /** The key of a request the lane may answer; undefined for one it must leave to the app. */
  private keyOf(request: IncomingMessage): string | undefined {
    if (request.method !== 'GET') return undefined;
    const headers = request.headers;
    if (
      headers['if-none-match'] !== undefined ||
      headers['content-length'] !== undefined ||
      headers['transfer-encoding'] !== undefined
    ) {
      return undefined;
    }
    const encoding = negotiateEncoding(headers['accept-encoding']);
    const tls = this.deps.overTls(request) ? 'tls' : 'plain';
    return `${encoding} ${tls} ${headers.host ?? ''} ${request.url ?? ''}`;
  }

  /** Records the answer the app just made, if its route offered it (the fold's `settled`). */
  record(c: Context): void {
    const offer = c.get('keptOffer');
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (offer === undefined || incoming === undefined || c.res.status !== 200) return;
    const plain = plainOf(c.res);
    if (plain === undefined || plain.body === null || plain.status !== 200) return;
    const key = this.keyOf(incoming);
    if (key === undefined || plain.head[REQUEST_ID_HEADER] === undefined) return;
    if (plain.head['set-cookie'] !== undefined) return;
    const head: Record<string, string | number> = Object.assign({}, plain.head);
    // As the adapter adds it (`responseViaCache`), so the head is the same on the wire.
    if (!Object.keys(head).some((name) => name.toLowerCase() === 'content-length')) {
      head['Content-Length'] = plain.body.byteLength;
    }
    this.answers.delete(key);
    this.answers.set(key, { offer, head, body: plain.body, ...this.deps.routes(c) });
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }

  /** `app`, with the kept answers given in front of it. */
  listener(app: RequestListener): RequestListener {
    return (request, response) => {
      let key: string | undefined;
      try {
        key = this.keyOf(request);
      } catch {
        // Whatever the lane cannot read, the app reads and answers as it would anyway.
        return app(request, response);
      }
      const kept = key === undefined ? undefined : this.answers.get(key);
      if (key === undefined || kept === undefined) return app(request, response);
      const started = performance.now();
      const toApp = (): void => {
        // Unless a newer answer was recorded meanwhile.
        if (this.answers.get(key) === kept) this.answers.delete(key);
        app(request, response);
      };
      let current: boolean | Promise<boolean>;
      try {
        current = kept.offer.current();
      } catch {
        return toApp();
      }
      if (current === true) return this.send(kept, response, started, toApp);
      if (current === false) return toApp();
      current.then((still) => (still ? this.send(kept, response, started, toApp) : toApp()), toApp);
    };
  }

  private send(
    kept: KeptAnswer,
    response: ServerResponse,
    started: number,
    toApp: () => void,
  ): void {
    // The client left while `current` was asked: there is no one to answer.
    if (response.destroyed) return;
    try {
      kept.offer.served?.();
    } catch {
      // The route's own bookkeeping failed: the app answers, and says so as the route would.
      return toApp();
    }
    const id = this.deps.newId();
    // The record is read while `writeHead` runs and not kept by Node: one per answer suffices.
    kept.head[REQUEST_ID_HEADER] = id;
    response.writeHead(200, kept.head);
    response.end(kept.body);
    this.deps.count('GET', kept.metricsRoute, 200, started);
    this.deps.line(id, 'GET', kept.logRoute, 200, started);
  }
}

const lanes = new WeakMap<object, KeptLane>();

/** Attaches `lane` to the app whose answers it records (`createHttpApp`). */
export const attachKeptLane = (app: object, lane: KeptLane): void => {
  lanes.set(app, lane);
};

/** The lane that records `app`'s answers, if it has one (`startHttpServer` puts it in front). */
export const keptLaneOf = (app: object): KeptLane | undefined => lanes.get(app);
