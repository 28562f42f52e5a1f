import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../compose.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import { sampleArticle } from '../test-support/sample-article.js';
import { parseSearchParams, search } from './search.js';

/**
 * Windows' own messages in other languages (an article's `messages`), pasted as shown or
 * typed without accents, in another case, with ё written е: the article comes first. On the
 * real wiring with a SQLite store, so through the FTS5 index. The texts are test fixtures
 * shaped like Windows' German, French, Spanish and Russian "file not found" messages.
 */
const CODE = '0x8024FFF5';
const folder = mkdtempSync(join(tmpdir(), 'atlas-search-messages-'));
let composed: Composed;
beforeAll(async () => {
  composed = await composeForTest({ kind: 'sqlite', file: join(folder, 'atlas.db') });
  await composed.deps.store.saveArticle({
    article: sampleArticle({
      code: CODE,
      title: 'Windows Update error 0x8024FFF5: a test article with its messages in five languages',
      messages: [
        { lang: 'en', where: 'other', text: 'The system cannot find the file specified.' },
        {
          lang: 'de',
          where: 'other',
          text: 'Das System kann die angegebene Datei nicht finden. Größe überprüfen.',
        },
        { lang: 'fr', where: 'other', text: 'Le fichier spécifié est introuvable.' },
        {
          lang: 'es',
          where: 'other',
          text: 'El sistema no puede encontrar el archivo especificado.',
        },
        { lang: 'ru', where: 'other', text: 'Не удаётся найти указанный файл.' },
      ],
    }),
    contentHash: 'messages-test',
    baseRevision: 0,
    at: '2026-12-06T20:00:00Z',
    author: 'test',
    reason: 'messages test',
  });
}, 60_000);
afterAll(async () => {
  await composed.close();
  rmSync(folder, { recursive: true, force: true });
});

const first = async (q: string): Promise<string | undefined> =>
  (await search(composed.deps, parseSearchParams(composed.deps, { q }))).articles[0]?.code;

describe('search: Windows messages in other languages', () => {
  it.each([
    // As Windows shows them.
    'Das System kann die angegebene Datei nicht finden.',
    'Le fichier spécifié est introuvable.',
    'El sistema no puede encontrar el archivo especificado.',
    'Не удаётся найти указанный файл.',
    // Loosely: no accents, other case, ß and ё spelt as people type them.
    'das system kann die angegebene datei nicht finden',
    'GROESSE UBERPRUFEN angegebene datei',
    'groesse',
    'GRÖSSE überprüfen',
    'fichier specifie introuvable',
    'FICHIER SPÉCIFIÉ',
    'EL SISTEMA NO PUEDE ENCONTRAR EL ARCHIVO',
    'archivo especificádo',
    'не удается найти указанный файл',
    'НЕ УДАЁТСЯ НАЙТИ УКАЗАННЫЙ ФАЙЛ',
    'указанный файл',
  ])('%s → the article with that message first', async (q) => {
    expect(await first(q)).toBe(CODE);
  });
});
