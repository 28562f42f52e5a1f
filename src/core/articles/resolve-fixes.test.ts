import { describe, expect, it } from 'vitest';
import { resolveFixes } from './resolve-fixes.js';
import { sampleArticle } from '../../test-support/sample-article.js';
import type { Procedure } from './schema.js';

const procedure: Procedure = {
  id: 'reset-components',
  title: 'Reset the Windows Update components',
  actions: [{ command: 'net stop wuauserv', shell: 'cmd' }],
  why: 'Clears the download cache.',
  admin: true,
  restart: false,
};

describe('resolveFixes', () => {
  it('replaces a procedure use by the procedure, with the article’s fields laid over it', () => {
    const article = sampleArticle({
      fixes: [{ id: 'reset', use: 'reset-components', restart: true, title: 'Reset it all' }],
    });
    const result = resolveFixes(article, new Map([[procedure.id, procedure]]));
    expect(result).toEqual({
      ok: true,
      value: [
        {
          id: 'reset',
          title: 'Reset it all',
          actions: procedure.actions,
          why: 'Clears the download cache.',
          admin: true,
          restart: true,
        },
      ],
    });
  });

  it('names the unknown procedure and the known ones', () => {
    const article = sampleArticle({ fixes: [{ id: 'reset', use: 'nope' }] });
    const result = resolveFixes(article, new Map([[procedure.id, procedure]]));
    expect(result).toEqual({
      ok: false,
      reason: 'fix "reset" uses procedure "nope", which does not exist (known: reset-components)',
    });
  });

  it('leaves inline fixes as they are', () => {
    const article = sampleArticle();
    expect(resolveFixes(article, new Map())).toEqual({ ok: true, value: article.fixes });
  });
});
