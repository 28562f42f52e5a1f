import { describe, expect, it } from 'vitest';
import { readFamilyMarkdown } from './family-markdown.js';
import type { Family } from './family-schema.js';

const FRONT = [
  '---',
  'id: wu-pt',
  'title: "Windows Update: talking to the update service (PT)"',
  'match: { wuComponent: PT }',
  'priority: 10',
  'retry: { when: transient, reason: "A busy server passes.", firstFix: show-proxy }',
  '---',
];
const DESCRIPTION = ['The update client could not talk to the service.', '', 'Second paragraph.'];
const HELPS = ['## What generally helps', '- Check the connection.', '- Reset the components.'];
const CODES = [
  '## Codes',
  '- `0x80244001` WU_E_PT_SOAPCLIENT_INITIALIZE: the SOAP layer did not start.',
  '- `0x80244007` WU_E_PT_SOAP_CLIENT: the SOAP client failed: see the log.',
];

const file = (...parts: string[][]): string => `${parts.map((p) => p.join('\n')).join('\n')}\n`;
const GOOD = file(FRONT, [''], DESCRIPTION, [''], HELPS, [''], CODES);

const EXPECTED: Family = {
  id: 'wu-pt',
  title: 'Windows Update: talking to the update service (PT)',
  match: { wuComponent: 'PT' },
  priority: 10,
  retry: { when: 'transient', reason: 'A busy server passes.', firstFix: 'show-proxy' },
  description: 'The update client could not talk to the service.\n\nSecond paragraph.',
  helps: '- Check the connection.\n- Reset the components.',
  codes: [
    {
      code: '0x80244001',
      name: 'WU_E_PT_SOAPCLIENT_INITIALIZE',
      text: 'the SOAP layer did not start.',
    },
    {
      code: '0x80244007',
      name: 'WU_E_PT_SOAP_CLIENT',
      text: 'the SOAP client failed: see the log.',
    },
  ],
};

/** Replaces line `no` (1-based) of GOOD. */
const withLine = (no: number, text: string): string => {
  const lines = GOOD.split('\n');
  lines[no - 1] = text;
  return lines.join('\n');
};

describe('readFamilyMarkdown: good files', () => {
  it('reads front matter, description, helps and codes', () => {
    expect(readFamilyMarkdown(GOOD)).toEqual({ ok: true, value: EXPECTED });
  });

  it.each([
    ['{ table: winhttp }', { table: 'winhttp' }],
    ['{ cbsFamily: PSFX }', { cbsFamily: 'PSFX' }],
    ['{ wrapped: http }', { wrapped: 'http' }],
    ['{ facility: 2170 }', { facility: 2170 }],
    ['{ table: setup }', { table: 'setup' }],
  ])('reads match %s', (written, match) => {
    const text = file(
      [
        '---',
        'id: x',
        'title: X',
        `match: ${written}`,
        'priority: 5',
        'retry: { when: permanent, reason: "r" }',
        '---',
      ],
      ['Text.'],
      HELPS,
    );
    const read = readFamilyMarkdown(text);
    expect(read).toMatchObject({ ok: true, value: { match, codes: [] } });
  });

  it('keeps fenced blocks whole (a "## " inside a fence is not a section), CRLF and BOM', () => {
    const helps = ['## what generally helps', '- Reset.', '', '```cmd', '## not a heading', '```'];
    const text = `\uFEFF${file(FRONT, DESCRIPTION, helps, CODES).replace(/\n/g, '\r\n')}`;
    const read = readFamilyMarkdown(text);
    expect(read).toMatchObject({
      ok: true,
      value: { helps: '- Reset.\n\n```cmd\n## not a heading\n```', codes: EXPECTED.codes },
    });
  });
});

describe('readFamilyMarkdown: refusals name the line and what is expected', () => {
  it.each([
    ['no front matter', 'Just text\n', /^line 1: expected the front matter first/],
    ['front matter not closed', '---\nid: x\n', /^line 1: .*not closed by a line "---"/],
    ['YAML syntax error', withLine(4, 'match: { wuComponent: PT'), /^line \d: front matter: /],
    [
      'unknown key',
      withLine(5, 'colour: red'),
      /^line 5: .*unknown key "colour"; expected one of: id, title, match, priority, retry/,
    ],
    ['id is a number', withLine(2, 'id: 7'), /^line 2: id 7 is not quoted/],
    ['id not a slug', withLine(2, 'id: WU_PT'), /^line 2: id: must be lower-case letters/],
    ['title missing', withLine(3, ''), /^line 1: title: is required/],
    [
      'two rules',
      withLine(4, 'match: { wuComponent: PT, table: wu }'),
      /^line 4: match: must have exactly one of: wuComponent, table, cbsFamily, wrapped, facility/,
    ],
    ['no rule', withLine(4, 'match: {}'), /^line 4: match: must have exactly one of/],
    ['unknown rule', withLine(4, 'match: { component: PT }'), /^line 4: match: .*component/],
    ['unknown table', withLine(4, 'match: { table: dns }'), /^line 4: match\.table: .*"wu"/],
    [
      'lower-case component',
      withLine(4, 'match: { wuComponent: pt }'),
      /^line 4: match\.wuComponent: must be a component_prefix/,
    ],
    [
      'facility too big',
      withLine(4, 'match: { facility: 9000 }'),
      /^line 4: match\.facility: must be a 13-bit/,
    ],
    ['unknown wrapped', withLine(4, 'match: { wrapped: dos }'), /^line 4: match\.wrapped: /],
    ['priority not whole', withLine(5, 'priority: 1.5'), /^line 5: priority: /],
    ['priority text', withLine(5, 'priority: ten'), /^line 5: priority: /],
    ['no description', file(FRONT, HELPS), /^line 8: expected the description/],
    [
      'no helps section',
      file(FRONT, DESCRIPTION, CODES),
      /^line 11: expected a section "## What generally helps"/,
    ],
    [
      'unknown section',
      file(FRONT, DESCRIPTION, HELPS, ['## Causes', '- x']),
      /^line 14: unknown section "## Causes"; expected "## What generally helps" or "## Codes"/,
    ],
    [
      'a # title',
      file(FRONT, ['# Title'], DESCRIPTION, HELPS),
      /^line 8: a family file has no "# " heading/,
    ],
    [
      'a section twice',
      file(FRONT, DESCRIPTION, HELPS, HELPS),
      /^line 14: a second "## What generally helps"/,
    ],
    [
      'codes before helps',
      file(FRONT, DESCRIPTION, CODES, HELPS),
      /^line 11: expected "## What generally helps" before "## Codes"/,
    ],
    [
      'helps empty',
      file(FRONT, DESCRIPTION, ['## What generally helps', ''], CODES),
      /^line 11: expected a bullet list/,
    ],
    [
      'helps not a list',
      file(FRONT, DESCRIPTION, ['## What generally helps', 'Prose.'], CODES),
      /^line 12: expected a bullet list \("- …"\) first.*"Prose\."/,
    ],
    [
      'codes empty',
      file(FRONT, DESCRIPTION, HELPS, ['## Codes']),
      /^line 14: expected one line per code/,
    ],
    [
      'code not canonical',
      file(FRONT, DESCRIPTION, HELPS, ['## Codes', '- `0x8024400a` WU_E_X: text']),
      /^line 15: write the code in canonical form, `0x8024400A`/,
    ],
    [
      'code line without text',
      file(FRONT, DESCRIPTION, HELPS, [
        '## Codes',
        '- `0x80244001` WU_E_PT_SOAPCLIENT_INITIALIZE:',
      ]),
      /^line 15: the line has no description after the name/,
    ],
    [
      'code line in prose',
      file(FRONT, DESCRIPTION, HELPS, ['## Codes', 'Some prose.']),
      /^line 15: expected a code line such as "- `0x80244001` WU_E_PT_SOAPCLIENT_INITIALIZE: /,
    ],
    [
      'code listed twice',
      file(FRONT, DESCRIPTION, HELPS, CODES, [CODES[1] ?? '']),
      /^line 17: 0x80244001 is listed again \(first on line 15\)/,
    ],
    [
      'fence never closed',
      file(FRONT, DESCRIPTION, HELPS, ['```cmd', 'net stop wuauserv']),
      /^line 14: the fenced block opened here is not closed/,
    ],
  ])('%s', (_what, text, expected) => {
    const read = readFamilyMarkdown(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.message).toMatch(expected);
  });
});
