import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { MemoRouter } from './memo-router.js';

/** A small app like ours, on the memo router or (without one) on Hono's default. */
function appOn(router?: MemoRouter<never>) {
  const app = new Hono(router ? { router } : {});
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('x-seen', 'yes');
  });
  app.get('/:product/:code', (c) =>
    c.text(`article ${c.req.param('product')} ${c.req.param('code')}`),
  );
  app.get('/codes/:notation{[\\s\\S]+}', (c) => c.text(`code ${c.req.param('notation')}`));
  app.post('/codes/:code', (c) => c.text(`request ${c.req.param('code')}`));
  app.all('*', (c) => c.text('none', 404));
  return app;
}

describe('MemoRouter', () => {
  it('answers each path as Hono’s own router does, the first time and every time after', async () => {
    const app = appOn(new MemoRouter());
    const plain = appOn();
    const asked: [string, string][] = [
      ['GET', '/windows-update/0x80244001'],
      ['GET', '/windows-update/0x80070005'],
      ['GET', '/codes/0x80244001'],
      ['GET', '/codes/a%2Fb/c'],
      ['POST', '/codes/0x80244001'],
      ['GET', '/nowhere/at/all'],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [method, path] of asked) {
        const ours = await app.request(path, { method });
        const theirs = await plain.request(path, { method });
        expect([ours.status, await ours.text(), ours.headers.get('x-seen')]).toEqual([
          theirs.status,
          await theirs.text(),
          'yes',
        ]);
      }
    }
  });

  it('keeps at most its capacity of paths', async () => {
    const router = new MemoRouter<never>(undefined, 50);
    const app = appOn(router);
    for (let i = 0; i < 500; i++) {
      expect(await (await app.request(`/windows-update/0x${i.toString(16)}`)).text()).toBe(
        `article windows-update 0x${i.toString(16)}`,
      );
      expect(router.kept).toBeLessThanOrEqual(50);
    }
  });
});
