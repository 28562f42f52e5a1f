import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Binds the app to a port; resolves once it listens, with the port actually bound. */
export function listen(
  app: Hono,
  port: number,
): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, (info) =>
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
          }),
      }),
    );
    server.once('error', reject);
  });
}
