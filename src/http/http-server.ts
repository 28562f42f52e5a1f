import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ServerSettings } from '../config.js';
import { keptLaneOf } from './kept-lane.js';

/** The part of the settings the socket layer applies (the rest is the app's middleware). */
export type SocketSettings = Pick<
  ServerSettings,
  | 'maxHeaderBytes'
  | 'headersTimeoutMs'
  | 'requestTimeoutMs'
  | 'keepAliveTimeoutMs'
  | 'shutdownTimeoutMs'
>;

export interface DrainOutcome {
  /** Requests that finished during the drain. */
  drained: number;
  /** Requests still running at the deadline, whose connections were cut. */
  cut: number;
}

export interface HttpServer {
  port: number;
  /** True from the moment a drain starts: readiness answers 503 so balancers look elsewhere. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, lets in-flight requests finish within the shutdown
   * deadline, then closes whatever is left. Idempotent: a second call joins the first.
   */
  close(): Promise<DrainOutcome>;
}

/**
 * Binds the app with the limits and timeouts that protect it from slow or oversized clients
 * (Node answers 431 to oversized headers and 408 to requests that time out); resolves once it
 * listens, with the port actually bound.
 */
export function startHttpServer(
  app: Hono,
  port: number,
  settings: SocketSettings,
  hostname?: string,
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const inFlight = new Set<ServerResponse>();
    let draining = false;
    let closing: Promise<DrainOutcome> | undefined;

    const adapter = getRequestListener(app.fetch, hostname !== undefined ? { hostname } : {});
    // The adapter answers its own failures (a 500); nothing is left for this promise to say.
    const toApp: RequestListener = (request, response) => {
      void adapter(request, response);
    };
    // The kept answers, when the app keeps any, are given in front of it (see `KeptLane`).
    const answer: RequestListener = keptLaneOf(app)?.listener(toApp) ?? toApp;
    const server = createServer(
      {
        maxHeaderSize: settings.maxHeaderBytes,
        headersTimeout: settings.headersTimeoutMs,
        requestTimeout: settings.requestTimeoutMs,
        keepAliveTimeout: settings.keepAliveTimeoutMs,
        // Node enforces the two timeouts on this tick (30 s by default, which would let a
        // slow client hold a connection up to 30 s past its deadline).
        connectionsCheckingInterval: Math.min(1_000, settings.headersTimeoutMs),
      },
      (request, response) => {
        inFlight.add(response);
        // While draining, a finished request does not keep its connection for another one.
        if (draining) response.shouldKeepAlive = false;
        response.once('close', () => {
          inFlight.delete(response);
          if (draining) server.closeIdleConnections();
        });
        answer(request, response);
      },
    );
    // Older Node versions ignore it as an option; the property always applies.
    server.keepAliveTimeout = settings.keepAliveTimeoutMs;
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        get draining() {
          return draining;
        },
        close: () => (closing ??= drain()),
      });
    });
    server.once('error', reject);

    async function drain(): Promise<DrainOutcome> {
      draining = true;
      const running = inFlight.size;
      for (const response of inFlight) response.shouldKeepAlive = false;
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((done) => {
        timer = setTimeout(() => done('deadline'), settings.shutdownTimeoutMs);
      });
      const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'drained') return { drained: running, cut: 0 };
      const cut = inFlight.size;
      server.closeAllConnections();
      await closed;
      return { drained: running - cut, cut };
    }
  });
}
