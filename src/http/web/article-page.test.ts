import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { decodeEntities } from '../../test-support/decode-entities.js';
import type { Composed } from '../../compose.js';
import { groupCommandRuns } from '../../core/articles/command-runs.js';
import { isProcedureFix, sourceParts } from '../../core/articles/schema.js';

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

const ARTICLE = '/windows-update/0x80244001';

const page = async (path: string): Promise<string> => {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return response.text();
};

/** Each command block of a page: how many copy buttons it has and its lines. */
const commandBlocks = (html: string): { buttons: number; lines: string[] }[] =>
  [...decodeEntities(html).matchAll(/<figure class="command">([\s\S]*?)<\/figure>/g)].map((m) => {
    const inner = m[1] ?? '';
    const code = /<code>([^<]*)<\/code>/.exec(inner)?.[1] ?? '';
    return { buttons: (inner.match(/class="copy"/g) ?? []).length, lines: code.split('\n') };
  });

describe('the article page: fixes people walk through', () => {
  it('shows a run of commands (the reset’s stops) as one block with one copy button, a command a line', async () => {
    const procedure = (await composed.deps.store.getProcedure('reset-windows-update-components'))
      ?.procedure;
    if (!procedure) throw new Error('the reset procedure is not shipped');
    const runs = groupCommandRuns(procedure.actions).flatMap((g) =>
      g.kind === 'commands' && g.commands.length > 1 ? [g.commands] : [],
    );
    // The stops, the renames and the starts.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const blocks = commandBlocks(await page(ARTICLE));
    for (const run of runs) {
      const block = blocks.find((b) => b.lines.join('\n') === run.join('\n'));
      expect(block, run.join(' / ')).toBeDefined();
      expect(block?.buttons).toBe(1);
    }
  });

  it('numbers each fix and gives its time', async () => {
    const html = await page(ARTICLE);
    expect(html).toMatch(/<h3 id="restart-and-check-title">1\. /);
    expect(html).toMatch(/<h3 id="[a-z0-9-]+-title">2\. /);
    expect(html).toContain('About 10 minutes');
  });

  it('has an “on this page” contents whose first entry jumps to the fixes', async () => {
    const html = await page(ARTICLE);
    const toc = /<nav class="toc" aria-label="On this page">([\s\S]*?)<\/nav>/.exec(html)?.[1];
    expect(toc).toBeDefined();
    expect(/href="(#[^"]+)"/.exec(toc ?? '')?.[1]).toBe('#fixes');
    expect(html).toContain('<h2 id="fixes">');
  });
});

describe('the article page: links that lead somewhere', () => {
  it('links the code in the title to the decode on the page, never to the article itself', async () => {
    const html = await page(ARTICLE);
    const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
    expect(h1).toContain('<a href="#decode"');
    expect(h1).toContain('>0x80244001</a>');
    expect(html).toContain('<h2 id="decode">About the code 0x80244001</h2>');
    // `/codes/0x80244001` redirects to this article: a link there would only reload it.
    expect(html.includes('<a href="/codes/0x80244001"')).toBe(false);
    expect(html.includes(`<a href="${ARTICLE}"`)).toBe(false);
  });

  it('breaks the symbolic name in the title only at its underscores and between its words', async () => {
    const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(await page(ARTICLE))?.[1] ?? '';
    expect(h1).toContain('WU_<wbr/>E_<wbr/>PT_<wbr/>SOAP<wbr/>CLIENT_<wbr/>INITIALIZE');
  });

  it('links the family page of the code', async () => {
    const html = await page(ARTICLE);
    expect(html).toMatch(/Family: <a href="\/families\/wu-pt">[^<]+<\/a>/);
    expect((await app.request('/families/wu-pt')).status).toBe(200);
  });

  it('names and links the shared procedure of every fix that uses one', async () => {
    const stored = await composed.deps.store.getArticle('windows-update', '0x80244001');
    const used = (stored?.article.fixes ?? []).filter(isProcedureFix).map((f) => f.use);
    expect(used.length).toBeGreaterThan(0);
    const html = await page(ARTICLE);
    for (const id of used) {
      const title = (await composed.deps.store.getProcedure(id))?.procedure.title ?? '';
      expect(html).toContain(`<a href="/procedures/${id}">${title}</a>`);
    }
  });

  it('makes every source with an address a link to it', async () => {
    const stored = await composed.deps.store.getArticle('windows-update', '0x80244001');
    const sources = (stored?.article.sources ?? []).map(sourceParts);
    expect(sources.some((s) => s.url)).toBe(true);
    const html = decodeEntities(await page(ARTICLE));
    for (const { title, url } of sources) {
      if (url) expect(html).toContain(`<a href="${url}">${title}</a>`);
    }
  });
});

describe('the shared procedure pages', () => {
  it('shows a procedure’s steps and links every article that uses it, at its fix', async () => {
    const html = await page('/procedures/reset-windows-update-components');
    expect(html).toContain('<h1>Reset the Windows Update components</h1>');
    expect(commandBlocks(html).some((b) => b.lines.includes('net stop wuauserv'))).toBe(true);
    const articles = await composed.deps.store.listArticles();
    const users = articles.flatMap(({ article }) =>
      article.fixes
        .filter((f) => isProcedureFix(f) && f.use === 'reset-windows-update-components')
        .map((f) => `${article.product}/${article.code}#${f.id}`),
    );
    expect(users.length).toBeGreaterThan(1);
    for (const use of users) expect(html).toContain(`href="/${use}"`);
    expect(html).toContain(`Used by ${users.length} articles`);
  });

  it('lists every procedure on /procedures', async () => {
    const html = await page('/procedures');
    for (const { procedure } of await composed.deps.store.listProcedures()) {
      expect(html).toContain(`href="/procedures/${procedure.id}"`);
    }
  });

  it('answers 404 for an unknown procedure, naming the known ones', async () => {
    const response = await app.request('/procedures/no-such-procedure');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('reset-windows-update-components');
  });
});
