import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../create-http-app.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import type { Composed } from '../../compose.js';
import { Layout } from './layout.js';
import { renderPage } from './render-page.js';
import { jsonForScript } from './structured-data.js';

/**
 * What each type must or should carry, from schema.org's type pages and Google Search
 * Central's structured-data guides (see docs/DECISIONS.md, "Pages"):
 * - TechArticle (an Article): Google requires none and recommends headline, author,
 *   datePublished, dateModified and image; we carry headline, author, dateModified (and a
 *   description), not datePublished or image (no first-publication date in the page's data,
 *   no images on the site).
 * - FAQPage: Google requires mainEntity, a list of Question, each with name and acceptedAnswer,
 *   an Answer with text.
 * - DefinedTerm: schema.org says to use name for the term, termCode for its code, description
 *   for its definition; inDefinedTermSet names the set.
 */
const REQUIRED = {
  TechArticle: ['headline', 'author', 'dateModified', 'description'],
  FAQPage: ['mainEntity'],
  DefinedTerm: ['name', 'termCode', 'inDefinedTermSet'],
} as const;

let composed: Composed;
let app: Hono;
beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp(composed.deps);
});
afterAll(() => composed.close());

type Block = Record<string, unknown>;

/** Every JSON-LD block of a page, parsed as a search engine would. */
const blocksOf = (html: string): Block[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Block,
  );

function expectType(blocks: Block[], type: keyof typeof REQUIRED): Block {
  const block = blocks.find((b) => b['@type'] === type);
  expect(block, `a ${type} block`).toBeDefined();
  expect(block!['@context']).toBe('https://schema.org');
  for (const property of REQUIRED[type]) {
    expect(block![property], `${type}.${property}`).toBeTruthy();
  }
  return block!;
}

describe('structured data', () => {
  it('an article carries a TechArticle with its title and revision date', async () => {
    const stored = await composed.deps.store.getArticle('windows-update', '0x80244001');
    const blocks = blocksOf(await (await app.request('/windows-update/0x80244001')).text());
    const article = expectType(blocks, 'TechArticle');
    expect(article.headline).toBe(stored?.article.title);
    expect(article.dateModified).toBe(stored?.updatedAt);
    expect(article.description).toBe(stored?.article.meaning.summary);
  });

  it('an article carries a FAQPage: every question with its accepted answer', async () => {
    const stored = await composed.deps.store.getArticle('windows-update', '0x80244001');
    expect(stored?.article.faq.length).toBeGreaterThan(0);
    const blocks = blocksOf(await (await app.request('/windows-update/0x80244001')).text());
    const faq = expectType(blocks, 'FAQPage');
    const questions = faq.mainEntity as Block[];
    expect(questions.map((q) => q.name)).toEqual(stored?.article.faq.map((e) => e.question));
    for (const [i, question] of questions.entries()) {
      expect(question['@type']).toBe('Question');
      const answer = question.acceptedAnswer as Block;
      expect(answer['@type']).toBe('Answer');
      expect(answer.text).toBe(stored?.article.faq[i]?.answer);
    }
  });

  it('a code page carries a DefinedTerm: the name, the code and the plain-words note', async () => {
    const html = await (await app.request('/codes/0x80070057')).text();
    const term = expectType(blocksOf(html), 'DefinedTerm');
    expect(term.termCode).toBe('0x80070057');
    expect(term.name).toBe('E_INVALIDARG');
    expect(blocksOf(html).some((b) => b['@type'] === 'TechArticle')).toBe(false);
  });

  it('text with </script> or <!-- cannot leave its data block, and parses back unchanged', () => {
    const hostile = '</script><script>alert(1)</script> <!-- & \u2028 ]]>';
    const html = renderPage(
      <Layout
        title="t"
        structuredData={[{ '@context': 'https://schema.org', '@type': 'Thing', name: hostile }]}
      >
        <p>body</p>
      </Layout>,
    );
    const head = html.slice(0, html.indexOf('</head>'));
    // One data block, ended by its own </script>; nothing of the text became markup.
    const scripts = head.match(/<script[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => tag.includes('application/ld+json'))).toHaveLength(1);
    // Every other script is a file (the CSP allows no inline script).
    for (const tag of scripts.filter((t) => !t.includes('application/ld+json')))
      expect(tag).toMatch(/ src="\/assets\//);
    expect(head).not.toContain('alert(1)</script>');
    expect(blocksOf(html)[0]?.name).toBe(hostile);
    expect(jsonForScript({ a: hostile })).not.toMatch(/[<>&\u2028\u2029]/);
  });
});
