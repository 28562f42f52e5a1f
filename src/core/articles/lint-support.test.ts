import { describe, expect, it } from 'vitest';
import type { ProductRegistry } from '../products/registry.js';
import { checkSupportStated } from './lint-support.js';
import { articleSchema, type ArticleInput } from './schema.js';

const lifecycle = (slug: string) => ({
  title: `${slug} (Microsoft Lifecycle)`,
  url: `https://learn.microsoft.com/en-us/lifecycle/products/${slug}`,
});

const registry: ProductRegistry = {
  platforms: [
    { id: 'windows-11', name: 'Windows 11' },
    {
      id: 'windows-8.1',
      name: 'Windows 8.1',
      support: { ends: '2023-01-10', source: lifecycle('windows-81') },
    },
    {
      id: 'windows-8',
      name: 'Windows 8',
      support: { ends: '2016-01-12', source: lifecycle('windows-8') },
    },
    {
      id: 'windows-server-2016',
      name: 'Windows Server 2016',
      support: { ends: '2027-01-12', source: lifecycle('windows-server-2016') },
    },
  ],
  products: [
    {
      slug: 'windows-update',
      name: 'Microsoft Windows Update',
      platforms: ['windows-11', 'windows-8.1', 'windows-8', 'windows-server-2016'],
    },
  ],
};

const article = (input: Partial<ArticleInput>) =>
  articleSchema.parse({
    code: '0x80244001',
    product: 'windows-update',
    title: 'Windows Update error 0x80244001',
    severity: 'moderate',
    meaning: { summary: 'Updates cannot start.' },
    appliesTo: ['windows-11'],
    ...input,
  });

/** The platform ids and paths the rule reports for an article, linted on `today`. */
function unstated(input: Partial<ArticleInput>, today = '2026-12-07'): [string, string][] {
  const found: [string, string][] = [];
  checkSupportStated(article(input), registry, today, (rule, path, message) => {
    expect(rule).toBe('platform-support-unstated');
    found.push([path, message.split(' is out of support')[0] ?? '']);
  });
  return found;
}

const fix = (platforms: string[], why: string) => ({
  id: 'reset-proxy',
  title: 'Reset the proxy',
  actions: [{ command: 'netsh winhttp reset proxy', shell: 'cmd' as const }],
  why,
  platforms,
});

describe('platform-support-unstated', () => {
  it('catches an article that lists an out-of-support platform and never says so', () => {
    expect(unstated({ appliesTo: ['windows-11', 'windows-8.1'] })).toEqual([
      ['appliesTo.1', 'Windows 8.1'],
    ]);
  });

  it('catches a fix that lists one, at the fix platform', () => {
    expect(
      unstated({
        fixes: [fix(['windows-11', 'windows-8'], 'A stale proxy blocks the update service.')],
      }),
    ).toEqual([['fixes.0.platforms.1', 'Windows 8']]);
  });

  it.each([
    [
      'an FAQ answer',
      {
        faq: [
          {
            question: 'And Windows 8.1?',
            answer: 'Windows 8.1 is out of support since January 10, 2023.',
          },
        ],
      },
    ],
    [
      'a fix Why',
      {
        fixes: [
          fix(
            ['windows-8.1'],
            'Support for Windows 8.1 ended on January 10, 2023; it gets no new updates.',
          ),
        ],
      },
    ],
    [
      'the escalation',
      { escalation: 'Microsoft no longer supports Windows 8.1: move to a supported Windows.' },
    ],
  ])('accepts the statement in %s', (_where, input) => {
    expect(unstated({ appliesTo: ['windows-8.1'], ...input })).toEqual([]);
  });

  it('does not take "Windows 8.1" for Windows 8', () => {
    const faq = [{ question: 'And Windows 8.1?', answer: 'Windows 8.1 is out of support.' }];
    expect(unstated({ appliesTo: ['windows-8.1', 'windows-8'], faq })).toEqual([
      ['appliesTo.1', 'Windows 8'],
    ]);
  });

  it('wants the name and the end of support in one piece of text', () => {
    const faq = [
      { question: 'Does this apply to Windows 8.1?', answer: 'Yes, the same steps work.' },
      { question: 'Is Windows 10 still updated?', answer: 'It is out of support.' },
    ];
    expect(unstated({ appliesTo: ['windows-8.1'], faq })).toEqual([['appliesTo.0', 'Windows 8.1']]);
  });

  it('judges by the day it is given: before the end date a platform needs no statement', () => {
    expect(unstated({ appliesTo: ['windows-server-2016'] }, '2027-01-12')).toEqual([]);
    expect(unstated({ appliesTo: ['windows-server-2016'] }, '2027-01-13')).toEqual([
      ['appliesTo.0', 'Windows Server 2016'],
    ]);
  });
});
