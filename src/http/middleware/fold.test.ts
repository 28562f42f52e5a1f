import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { fold, type Step } from './fold.js';
import { plainResponse } from './plain-head.js';

/** A step that writes what it does into `seen`, and optionally refuses or fails. */
const step = (
  name: string,
  seen: string[],
  { refuse = false, failBefore = false, failAfter = false } = {},
): Step<string> => ({
  before: () => {
    seen.push(`${name} before`);
    if (failBefore) throw new Error(`${name} failed before`);
    return `${name} state`;
  },
  refuse: (c) => (refuse ? c.text(`refused by ${name}`, 429) : undefined),
  after: (_c, state) => {
    seen.push(`${name} after (${state})`);
    if (failAfter) throw new Error(`${name} failed after`);
  },
});

/** The same steps as separate middleware, the way `fold` stands for them. */
const asMiddleware =
  (s: Step<string>): MiddlewareHandler =>
  async (c, next) => {
    const state = s.before?.(c) as string;
    const refusal = s.refuse?.(c);
    if (refusal) return refusal;
    await next();
    await s.after?.(c, state);
    return undefined;
  };

function appWith(use: (app: Hono) => void, seen: string[]): Hono {
  const app = new Hono();
  use(app);
  app.get('/', (c) => {
    seen.push('route');
    return c.text('route answered');
  });
  app.onError((error, c) => c.text(`onError: ${error.message}`, 500));
  return app;
}

async function run(use: (app: Hono, seen: string[]) => void) {
  const seen: string[] = [];
  const response = await appWith((app) => use(app, seen), seen).request('/');
  return { seen, status: response.status, text: await response.text() };
}

describe('fold', () => {
  it('runs befores in order, the route, then afters innermost first, each with its state', async () => {
    const folded = await run((app, seen) => app.use(fold([step('a', seen), step('b', seen)])));
    expect(folded.seen).toEqual([
      'a before',
      'b before',
      'route',
      'b after (b state)',
      'a after (a state)',
    ]);
    expect(folded.text).toBe('route answered');
    const stacked = await run((app, seen) => {
      app.use(asMiddleware(step('a', seen)));
      app.use(asMiddleware(step('b', seen)));
    });
    expect(folded).toEqual(stacked);
  });

  it('answers a refusal: no route, no later step, the earlier steps’ afters run', async () => {
    const folded = await run((app, seen) =>
      app.use(fold([step('a', seen), step('b', seen, { refuse: true }), step('c', seen)])),
    );
    expect(folded).toEqual({
      seen: ['a before', 'b before', 'a after (a state)'],
      status: 429,
      text: 'refused by b',
    });
    const stacked = await run((app, seen) => {
      app.use(asMiddleware(step('a', seen)));
      app.use(asMiddleware(step('b', seen, { refuse: true })));
      app.use(asMiddleware(step('c', seen)));
    });
    expect(folded).toEqual(stacked);
  });

  it('turns a failing step into its onError answer, and the outer steps still run on it', async () => {
    const onError = (error: Error, c: Parameters<MiddlewareHandler>[0]) =>
      c.text(`folded onError: ${error.message}`, 503);
    const before = await run((app, seen) =>
      app.use(fold([step('a', seen), step('b', seen, { failBefore: true })], { onError })),
    );
    expect(before).toEqual({
      seen: ['a before', 'b before', 'a after (a state)'],
      status: 503,
      text: 'folded onError: b failed before',
    });
    const after = await run((app, seen) =>
      app.use(fold([step('a', seen), step('b', seen, { failAfter: true })], { onError })),
    );
    expect(after).toEqual({
      seen: ['a before', 'b before', 'route', 'b after (b state)', 'a after (a state)'],
      status: 503,
      text: 'folded onError: b failed after',
    });
  });

  it('leaves an error to Hono without onError, as any middleware does', async () => {
    const failing = await run((app, seen) => app.use(fold([step('a', seen, { failAfter: true })])));
    expect(failing.status).toBe(500);
    expect(failing.text).toBe('onError: a failed after');
  });

  it('runs `around` innermost and answers what it answers', async () => {
    const seen: string[] = [];
    const app = new Hono();
    app.use(
      fold([step('a', seen)], {
        around: async (c, next) => {
          seen.push('around');
          if (c.req.query('stop') !== undefined) return c.text('stopped by around', 413);
          await next();
          return undefined;
        },
      }),
    );
    app.get('/', (c) => {
      seen.push('route');
      return c.text('route answered');
    });
    const stopped = await app.request('/?stop');
    expect([stopped.status, await stopped.text()]).toEqual([413, 'stopped by around']);
    expect(seen).toEqual(['a before', 'around', 'a after (a state)']);
    seen.length = 0;
    expect(await (await app.request('/')).text()).toBe('route answered');
    expect(seen).toEqual(['a before', 'around', 'route', 'a after (a state)']);
  });

  it('sets every step’s headers once the afters have run, an outer step’s value winning', async () => {
    const seen: string[] = [];
    const app = new Hono();
    app.use(
      fold([
        {
          headers: () => [
            ['x-outer', 'outer'],
            ['x-both', 'outer'],
          ],
        },
        {
          // An after runs before any step's headers are on the answer.
          after: (c) => void seen.push(`after sees x-inner: ${c.res.headers.get('x-inner')}`),
        },
        {
          headers: () => [
            ['x-inner', 'inner'],
            ['x-both', 'inner'],
            ['x-route', 'step'],
          ],
        },
      ]),
    );
    app.get('/plain', () =>
      plainResponse(new TextEncoder().encode('plain'), 200, { 'x-route': 'route' }),
    );
    app.get('/text', (c) => c.text('text', 200, { 'x-route': 'route' }));
    for (const path of ['/plain', '/text']) {
      const response = await app.request(path);
      expect(response.headers.get('x-outer')).toBe('outer');
      expect(response.headers.get('x-inner')).toBe('inner');
      expect(response.headers.get('x-both')).toBe('outer');
      expect(response.headers.get('x-route')).toBe('step');
      expect(await response.text()).toBe(path.slice(1));
    }
    expect(seen).toEqual(['after sees x-inner: null', 'after sees x-inner: null']);
  });
});
