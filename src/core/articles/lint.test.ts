import { describe, expect, it } from 'vitest';
import { toIssuePath } from '../issues.js';
import type { ProductRegistry } from '../products/registry.js';
import { LINT_RULES, lintArticle, type LintContext, type LintRuleId } from './lint.js';
import { articleSchema, type Article, type ArticleInput, type Procedure } from './schema.js';

const registry: ProductRegistry = {
  platforms: [
    { id: 'windows-11', name: 'Windows 11' },
    { id: 'windows-10', name: 'Windows 10' },
    { id: 'windows-7', name: 'Windows 7' },
    {
      id: 'windows-8',
      name: 'Windows 8',
      support: {
        ends: '2016-01-12',
        source: {
          title: 'Windows 8',
          url: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-8',
        },
      },
    },
    {
      id: 'windows-server-2016',
      name: 'Windows Server 2016',
      support: {
        ends: '2027-01-12',
        source: {
          title: 'Windows Server 2016',
          url: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-server-2016',
        },
      },
    },
    { id: 'printer-x', name: 'Printer X' },
  ],
  products: [
    {
      slug: 'windows-update',
      name: 'Microsoft Windows Update',
      platforms: ['windows-11', 'windows-10', 'windows-7', 'windows-8', 'windows-server-2016'],
    },
    { slug: 'printer', name: 'Printer', platforms: ['printer-x'] },
  ],
};

const NAMES: Readonly<Record<string, readonly string[]>> = {
  '0x80244001': ['WU_E_PT_SOAPCLIENT_INITIALIZE'],
  '0x80244007': ['WU_E_PT_SOAPCLIENT_SOAPFAULT'],
};

const procedure: Procedure = {
  id: 'reset-windows-update-components',
  title: 'Reset the Windows Update components',
  actions: [{ command: 'net stop wuauserv', shell: 'cmd' }],
  why: 'Rebuilds the cache.',
  verify: { text: 'The service runs.', command: { command: 'sc query wuauserv', shell: 'cmd' } },
  admin: true,
  restart: false,
  risk: 'moderate',
  reversible: true,
  undo: 'Rename the folder back.',
  platforms: ['windows-11', 'windows-10', 'windows-7'],
  minutes: 10,
};

const context: LintContext = {
  registry,
  namesOf: (code) => NAMES[code] ?? [],
  procedures: new Map([[procedure.id, procedure]]),
  today: '2026-12-07',
};

/** The smallest article that passes every rule. */
const goodInput = (): ArticleInput => ({
  code: '0x80244001',
  product: 'windows-update',
  title: 'Windows Update error 0x80244001 (WU_E_PT_SOAPCLIENT_INITIALIZE)',
  severity: 'moderate',
  appliesTo: ['windows-11', 'windows-10', 'windows-7'],
  meaning: {
    summary: 'Updates cannot start. Family WU_E_PT_* covers the protocol.',
    official: 'WU_E_PT_SOAPCLIENT_INITIALIZE: the SOAP client failed to initialize.',
  },
  causes: [{ text: 'A proxy is set.', fixes: ['reset-proxy'] }],
  fixes: [
    {
      id: 'reset-proxy',
      title: 'Reset the WinHTTP proxy',
      actions: [
        { step: 'Open Command Prompt as administrator.' },
        { command: 'netsh winhttp reset proxy', shell: 'cmd' },
      ],
      why: 'A stale proxy blocks the connection.',
      verify: {
        text: 'The command below shows direct access.',
        command: { command: 'netsh winhttp show proxy', shell: 'cmd' },
      },
      admin: true,
      restart: false,
      risk: 'safe',
      reversible: true,
      undo: 'Set the noted proxy again.',
      platforms: ['windows-11', 'windows-10', 'windows-7'],
      minutes: 2,
    },
    {
      id: 'dism',
      title: 'Repair the component store',
      actions: [
        { command: 'DISM /Online /Cleanup-Image /RestoreHealth', shell: 'cmd' },
        { command: 'dir %SystemRoot%\\Logs\\CBS', shell: 'cmd' },
      ],
      why: 'DISM repairs the store.',
      verify: { text: 'DISM reports success.' },
      admin: true,
      restart: false,
      risk: 'safe',
      reversible: false,
      platforms: ['windows-11', 'windows-10'],
    },
    { id: 'reset-components', use: 'reset-windows-update-components' },
  ],
  escalation: 'Stop when DISM cannot repair the store. Hand over:\n\n```cmd\nwinver\n```',
  faq: [
    {
      question: 'How do I see the proxy?',
      answer:
        'Run this, and note the net effect; DISM and sfc explain nothing here:\n\n```cmd\nnetsh winhttp show proxy\n```\n\nOr `sc query wuauserv` inline.',
    },
  ],
  related: ['0x80244007'],
  retry: { when: 'after-fix', reason: 'A stale proxy must go first.', firstFix: 'reset-proxy' },
  sources: [
    {
      title: 'Windows Update error codes by component (Microsoft Learn)',
      url: 'https://learn.microsoft.com/en-us/windows/deployment/update/windows-update-error-reference',
    },
  ],
  reviewedAt: '2026-11-26',
});

const parse = (input: ArticleInput): Article => articleSchema.parse(input);

type Fixture = ArticleInput & { fixes: NonNullable<ArticleInput['fixes']> };
const good = (): Fixture => {
  const input = goodInput();
  return { ...input, fixes: input.fixes ?? [] };
};

const without = (key: 'reviewedAt' | 'escalation') => (): ArticleInput => {
  const input: ArticleInput = good();
  delete input[key];
  return input;
};

/** Replaces fix 0 (an inline fix) with changes applied. */
const withFix0 = (change: (fix: Record<string, unknown>) => void) => (): ArticleInput => {
  const input = good();
  const fix: Record<string, unknown> = { ...input.fixes[0] };
  change(fix);
  return { ...input, fixes: [fix as (typeof input.fixes)[number], ...input.fixes.slice(1)] };
};

const rules: [LintRuleId, string, () => ArticleInput][] = [
  ['product-unknown', 'product', () => ({ ...good(), product: 'washer' })],
  [
    'applies-to-missing',
    'appliesTo',
    () => {
      const { retry: _retry, ...input } = good();
      return { ...input, appliesTo: [], fixes: [], causes: [] };
    },
  ],
  [
    'platform-unknown',
    'appliesTo.1',
    () => ({ ...good(), appliesTo: ['windows-11', 'printer-x', 'windows-10', 'windows-7'] }),
  ],
  [
    'platform-unknown',
    'fixes.0.platforms.1',
    withFix0((fix) => {
      fix['platforms'] = ['windows-11', 'windows-95'];
    }),
  ],
  [
    'code-unknown',
    'code',
    () => ({
      ...good(),
      code: '0x80249999',
      title: 'Error 0x80249999',
      meaning: { summary: 'x', official: 'y' },
    }),
  ],
  [
    'name-mismatch',
    'title',
    () => ({ ...good(), title: 'Error 0x80244001 (WU_E_PT_SOAPCLIENT_SOAPFAULT)' }),
  ],
  [
    'name-mismatch',
    'meaning.official',
    () => ({
      ...good(),
      meaning: { summary: 's', official: 'SOAPCLIENT_INITIALIZE_ERROR happened.' },
    }),
  ],
  [
    'official-missing',
    'meaning.official',
    () => ({ ...good(), meaning: { summary: 'Updates cannot start.' } }),
  ],
  ['sources-missing', 'sources', () => ({ ...good(), sources: [] })],
  [
    'source-url-missing',
    'sources.1',
    () => ({
      ...good(),
      sources: [...(good().sources ?? []), 'A document named without its address'],
    }),
  ],
  [
    'retry-fix-not-safe',
    'retry.firstFix',
    () => ({
      ...good(),
      retry: {
        when: 'after-fix',
        reason: 'The components need a reset.',
        firstFix: 'reset-components',
      },
    }),
  ],
  ['review-missing', 'reviewedAt', without('reviewedAt')],
  ['escalation-missing', 'escalation', without('escalation')],
  ['related-unknown', 'related.0', () => ({ ...good(), related: ['0x80249999'] })],
  ['related-unknown', 'related.0', () => ({ ...good(), related: ['0x80244001'] })],
  [
    'cause-without-fix',
    'causes.1',
    () => ({
      ...good(),
      causes: [
        { text: 'A proxy is set.', fixes: ['reset-proxy'] },
        { text: 'Antivirus.', fixes: [] },
      ],
    }),
  ],
  [
    'procedure-unknown',
    'fixes.2.use',
    () => {
      const input = good();
      return {
        ...input,
        fixes: [...input.fixes.slice(0, 2), { id: 'reset-components', use: 'no-such-procedure' }],
      };
    },
  ],
  [
    'fix-why-missing',
    'fixes.0.why',
    withFix0((fix) => {
      delete fix['why'];
    }),
  ],
  [
    'fix-verify-missing',
    'fixes.0.verify',
    withFix0((fix) => {
      delete fix['verify'];
    }),
  ],
  [
    'fix-platforms-missing',
    'fixes.0.platforms',
    withFix0((fix) => {
      delete fix['platforms'];
    }),
  ],
  [
    'fix-attribute-missing',
    'fixes.0.admin',
    withFix0((fix) => {
      delete fix['admin'];
    }),
  ],
  [
    'fix-attribute-missing',
    'fixes.0.restart',
    withFix0((fix) => {
      delete fix['restart'];
    }),
  ],
  [
    'fix-attribute-missing',
    'fixes.0.risk',
    withFix0((fix) => {
      delete fix['risk'];
    }),
  ],
  [
    'fix-attribute-missing',
    'fixes.0.reversible',
    withFix0((fix) => {
      delete fix['reversible'];
    }),
  ],
  [
    'fix-undo-missing',
    'fixes.0.undo',
    withFix0((fix) => {
      delete fix['undo'];
    }),
  ],
  [
    'fix-platform-outside-applies-to',
    'fixes.0.platforms.2',
    () => ({ ...good(), appliesTo: ['windows-11', 'windows-10'] }),
  ],
  [
    'windows-path',
    'fixes.0.actions.1.command',
    withFix0((fix) => {
      fix['actions'] = [
        { step: 'Open it.' },
        { command: 'ren C:\\Windows\\SoftwareDistribution SoftwareDistribution.old', shell: 'cmd' },
      ];
    }),
  ],
  [
    'windows-path',
    'fixes.0.verify.command',
    withFix0((fix) => {
      fix['verify'] = {
        text: 'Listed.',
        command: { command: 'dir c:\\windows\\Logs', shell: 'cmd' },
      };
    }),
  ],
  [
    'windows-path',
    'faq.0.answer',
    () => ({
      ...good(),
      faq: [{ question: 'Where?', answer: 'Here:\n\n```cmd\ndir C:\\Windows\\Logs\\CBS\n```' }],
    }),
  ],
  [
    'bare-command',
    'faq.0.answer',
    () => ({
      ...good(),
      faq: [{ question: 'Proxy?', answer: 'Run netsh winhttp show proxy to see it.' }],
    }),
  ],
  [
    'bare-command',
    'escalation',
    () => ({ ...good(), escalation: 'If DISM /Online /Cleanup-Image /RestoreHealth fails, stop.' }),
  ],
  [
    'bare-command',
    'escalation',
    () => ({ ...good(), escalation: 'Collect the log with Get-WindowsUpdateLog and send it.' }),
  ],
  [
    'bare-command',
    'fixes.0.actions.0.step',
    withFix0((fix) => {
      fix['actions'] = [{ step: 'Run sfc /scannow and wait.' }];
    }),
  ],
  [
    'bare-command',
    'fixes.0.actions.0.step',
    withFix0((fix) => {
      fix['actions'] = [{ step: 'Type net stop wuauserv, then press Enter.' }];
    }),
  ],
  [
    'bare-command',
    'fixes.0.actions.0.step',
    withFix0((fix) => {
      fix['actions'] = [{ step: 'Run regsvr32 msxml3.dll.' }];
    }),
  ],
  [
    'bare-command',
    'fixes.0.actions.0.step',
    withFix0((fix) => {
      fix['actions'] = [{ step: 'Check with sc query wuauserv.' }];
    }),
  ],
  [
    'command-unknown',
    'fixes.0.actions.1.command',
    withFix0((fix) => {
      fix['actions'] = [
        { step: 'Open Command Prompt as administrator.' },
        { command: 'netsh winhttp reset proxie', shell: 'cmd' },
      ];
    }),
  ],
  [
    'command-unknown',
    'fixes.0.undo',
    withFix0((fix) => {
      fix['undo'] = 'Set the proxy again:\n\n```cmd\nnetsh winhttp sett proxy p:8080\n```';
    }),
  ],
  [
    'command-unknown',
    'faq.0.answer',
    () => ({
      ...good(),
      faq: [{ question: 'How?', answer: 'Run:\n\n```powershell\nGet-BitsTransfer -AllUser\n```' }],
    }),
  ],
  [
    'bare-command',
    'fixes.0.undo',
    withFix0((fix) => {
      fix['undo'] = 'Run netsh winhttp set proxy with the noted address.';
    }),
  ],
  [
    'destructive-command',
    'fixes.0.actions.1.command',
    withFix0((fix) => {
      fix['actions'] = [
        { step: 'Open Command Prompt as administrator.' },
        { command: 'rd /s /q %SystemRoot%\\SoftwareDistribution', shell: 'cmd' },
      ];
    }),
  ],
  [
    'destructive-before-reversible',
    'fixes.0',
    withFix0((fix) => {
      fix['risk'] = 'destructive';
    }),
  ],
  [
    'platform-support-unstated',
    'appliesTo.3',
    () => ({ ...good(), appliesTo: ['windows-11', 'windows-10', 'windows-7', 'windows-8'] }),
  ],
  [
    // Linted on 2026-12-07: Windows Server 2016's support ends within 90 days, unstated.
    'platform-support-ending',
    'appliesTo.3',
    () => ({
      ...good(),
      appliesTo: ['windows-11', 'windows-10', 'windows-7', 'windows-server-2016'],
    }),
  ],
  [
    'platform-support-date-wrong',
    'faq.0',
    () => ({
      ...good(),
      faq: [
        { question: 'And Windows 8?', answer: 'Support for Windows 8 ended on January 13, 2016.' },
      ],
    }),
  ],
  [
    'command-platform',
    'fixes.1.actions.0.command',
    () => {
      const input = good();
      const dism = { ...input.fixes[1], platforms: ['windows-10', 'windows-7'] };
      return {
        ...input,
        fixes: [input.fixes[0]!, dism as (typeof input.fixes)[number], input.fixes[2]!],
      };
    },
  ],
];

describe('lintArticle', () => {
  it('finds nothing in a good article', () => {
    expect(lintArticle(parse(goodInput()), context)).toEqual([]);
  });

  it('every rule has a bad article in the table below', () => {
    const covered = new Set(rules.map(([rule]) => rule));
    expect(Object.keys(LINT_RULES).filter((rule) => !covered.has(rule as LintRuleId))).toEqual([]);
  });

  it.each(rules)('%s fires at %s', (rule, path, make) => {
    const problems = lintArticle(parse(make()), context);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: rule, path: toIssuePath(path), level: LINT_RULES[rule] }),
    );
  });

  it('checks a procedure fix with its overrides applied', () => {
    const input = good();
    const fixes = [
      ...input.fixes.slice(0, 2),
      {
        id: 'reset-components',
        use: 'reset-windows-update-components',
        platforms: ['windows-11', 'windows-95'],
      },
    ];
    const problems = lintArticle(parse({ ...input, fixes }), context);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'platform-unknown', path: ['fixes', 2, 'platforms', 1] }),
    ]);
  });

  it('quotes the whole bare command in its message', () => {
    const input = good();
    const problems = lintArticle(
      parse({ ...input, escalation: 'Type net stop wuauserv, then press Enter.' }),
      context,
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'bare-command',
        message: expect.stringContaining('"net stop wuauserv"') as unknown,
      }),
    ]);
  });

  it('reports a cause without a fix as a warning, not an error', () => {
    const input = good();
    const problems = lintArticle(parse({ ...input, causes: [{ text: 'Antivirus.' }] }), context);
    expect(problems.map((problem) => [problem.code, problem.level])).toEqual([
      ['cause-without-fix', 'warning'],
    ]);
  });

  it.each([
    ['a family name', 'Codes of the WU_E_PT_* family concern the protocol.'],
    ['prose about tools', 'DISM repairs the store and sfc checks files; the net effect is good.'],
    ['inline code', 'Run `netsh winhttp show proxy` to see it.'],
    ['C:\\Windows.old in prose', 'An upgrade leaves C:\\Windows.old behind.'],
  ])('accepts %s', (_name, text) => {
    const input = good();
    const problems = lintArticle(parse({ ...input, escalation: text }), context);
    expect(problems).toEqual([]);
  });
});
