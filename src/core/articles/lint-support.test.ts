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

/** What the support rules report for an article linted on `today`: rule, path, platform. */
function reported(input: Partial<ArticleInput>, today = '2026-12-07'): [string, string, string][] {
  const found: [string, string, string][] = [];
  checkSupportStated(article(input), registry, today, (rule, path, message) => {
    const platform = registry.platforms.find((p) => message.includes(p.name))?.name ?? '';
    found.push([rule, path, platform]);
  });
  return found;
}

/** The paths and platforms `platform-support-unstated` reports (and that nothing else is). */
function unstated(input: Partial<ArticleInput>, today = '2026-12-07'): [string, string][] {
  return reported(input, today).map(([rule, path, platform]) => {
    expect(rule).toBe('platform-support-unstated');
    return [path, platform];
  });
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

  it('judges by the day it is given: after the end date a platform needs a statement', () => {
    expect(unstated({ appliesTo: ['windows-server-2016'] }, '2027-01-13')).toEqual([
      ['appliesTo.0', 'Windows Server 2016'],
    ]);
  });
});

const faq2016 = (answer: string) => ({
  appliesTo: ['windows-11', 'windows-server-2016'],
  faq: [{ question: 'I run Windows Server 2016. Until when?', answer }],
});

describe('a stated end date', () => {
  const stated = faq2016(
    'Extended support for Windows Server 2016 ends on January 12, 2027: after it, no security updates.',
  );

  it.each(['2026-12-07', '2027-01-12', '2027-01-13', '2030-06-01'])(
    'is accepted on %s, before and after the end date',
    (today) => {
      expect(reported(stated, today)).toEqual([]);
    },
  );

  it.each([
    'Windows Server 2016 is supported until January 12, 2027.',
    "Windows Server 2016's mainstream support ended on January 11, 2022, and its extended support ends on January 12, 2027.",
    'Windows Server 2016 reaches the end of its extended support on January 12, 2027.',
  ])('is read in other wordings: %s', (answer) => {
    expect(reported(faq2016(answer), '2027-01-13')).toEqual([]);
  });

  it('is refused when it differs from products.yaml, at the piece that states it', () => {
    const wrong = faq2016('Extended support for Windows Server 2016 ends on January 13, 2027.');
    expect(reported(wrong, '2026-12-07')).toEqual([
      ['platform-support-date-wrong', 'faq.0', 'Windows Server 2016'],
      ['platform-support-ending', 'appliesTo.1', 'Windows Server 2016'],
    ]);
    // A wrong date is an error whether or not the platform is listed, and whatever the day.
    expect(reported({ ...wrong, appliesTo: ['windows-11'] }, '2031-01-01')).toEqual([
      ['platform-support-date-wrong', 'faq.0', 'Windows Server 2016'],
    ]);
  });

  it('is read as the platform named last before it: "Windows 8" is not found in "Windows 8.1"', () => {
    const faq = [
      {
        question: 'Windows 8 and 8.1?',
        answer: 'Windows 8 went first; support for Windows 8.1 ended on January 10, 2023.',
      },
    ];
    expect(reported({ appliesTo: ['windows-8.1'], faq })).toEqual([]);
    const swapped = [{ ...faq[0]!, answer: 'Support for Windows 8 ended on January 10, 2023.' }];
    expect(reported({ appliesTo: ['windows-11'], faq: swapped })).toEqual([
      ['platform-support-date-wrong', 'faq.0', 'Windows 8'],
    ]);
  });

  it('does not read dates of mainstream support, ESU or an LTSC edition as the end of support', () => {
    const answer =
      "Windows Server 2016's mainstream support ended on January 11, 2022. " +
      'Its paid Extended Security Updates are supported until January 9, 2029. ' +
      'Windows Server 2016 LTSC support ends on March 3, 2030.';
    // None of these is a wrong date, and none states the end of support either.
    expect(reported(faq2016(answer), '2027-01-13')).toEqual([
      ['platform-support-unstated', 'appliesTo.1', 'Windows Server 2016'],
    ]);
  });
});

describe('platform-support-ending (a warning)', () => {
  const listed = { appliesTo: ['windows-11', 'windows-server-2016'] };

  it.each([
    ['2026-10-13', []],
    ['2026-10-14', [['platform-support-ending', 'appliesTo.1', 'Windows Server 2016']]],
    ['2027-01-12', [['platform-support-ending', 'appliesTo.1', 'Windows Server 2016']]],
    ['2027-01-13', [['platform-support-unstated', 'appliesTo.1', 'Windows Server 2016']]],
  ])('on %s, for support ending 2027-01-12 (90 days ahead from 2026-10-14)', (today, found) => {
    expect(reported(listed, today)).toEqual(found);
  });

  it('is silenced by the end date, not by words that say support is over', () => {
    const over = faq2016('Windows Server 2016 is out of support.');
    expect(reported(over, '2027-01-01')).toEqual([
      ['platform-support-ending', 'appliesTo.1', 'Windows Server 2016'],
    ]);
    const dated = faq2016('Support for Windows Server 2016 ends on January 12, 2027.');
    expect(reported(dated, '2027-01-01')).toEqual([]);
  });

  it('says which date to state', () => {
    const messages: string[] = [];
    checkSupportStated(article(listed), registry, '2027-01-01', (_rule, _path, message) => {
      messages.push(message);
    });
    expect(messages).toEqual([
      expect.stringContaining('support for Windows Server 2016 ends on January 12, 2027'),
    ]);
  });
});
