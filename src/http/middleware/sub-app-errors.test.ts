import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import { errorBoundaryStep, subAppErrors } from './sub-app-errors.js';

/** A root with one route of its own and two sub-apps, each answering errors its own way. */
function app(): Hono {
  const root = new Hono();
  root.get('/own', () => {
    throw new Error('root route failed');
  });
  const pages = new Hono();
  pages.use('/pages/*', fold([errorBoundaryStep((e, c) => c.text(`page: ${e.message}`, 500))]));
  pages.get('/pages/fails', () => {
    throw new Error('page failed');
  });
  const broken = new Hono();
  broken.use(
    '/broken/*',
    fold([
      errorBoundaryStep(() => {
        throw new Error('the handler itself failed');
      }),
      { headers: () => [['x-sub-app', 'broken']] },
    ]),
  );
  broken.get('/broken/fails', () => {
    throw new Error('broken failed');
  });
  root.route('/', pages);
  root.route('/', broken);
  root.onError(subAppErrors((e, c) => c.json({ error: e.message }, 500)));
  return root;
}

describe('subAppErrors', () => {
  it('answers a route’s error with its sub-app’s handler', async () => {
    const response = await app().request('/pages/fails');
    expect([response.status, await response.text()]).toEqual([500, 'page: page failed']);
  });

  it('answers errors outside any sub-app, and a failing sub-app handler, with the fallback', async () => {
    const own = await app().request('/own');
    expect(await own.json()).toEqual({ error: 'root route failed' });
    const broken = await app().request('/broken/fails');
    expect(await broken.json()).toEqual({ error: 'broken failed' });
    // The sub-app's middleware still ran its afters on that answer.
    expect(broken.headers.get('x-sub-app')).toBe('broken');
  });
});
