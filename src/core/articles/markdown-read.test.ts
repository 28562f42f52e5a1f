import { describe, expect, it } from 'vitest';
import { readArticleMarkdown } from './markdown-read.js';

const BASE = [
  '---', // 1
  'code: "0x80244001"', // 2
  'product: windows-update', // 3
  'title: "Windows Update error 0x80244001"', // 4
  'severity: moderate', // 5
  'related: ["0x80244007"]', // 6
  '---', // 7
  '## What does this error mean?', // 8
  'The update client could not start.', // 9
  '', // 10
  '## Common causes', // 11
  '- Damaged components. {fixes: [reset-components]}', // 12
  '', // 13
  '## How to fix it', // 14
  '### Reset the components {#reset-components}', // 15
  '```yaml', // 16
  'admin: true', // 17
  '```', // 18
  '1. Open Command Prompt as administrator.', // 19
  '2. ```cmd', // 20
  '   net stop wuauserv', // 21
  '   ```', // 22
  '', // 23
  '**Why:** It clears the damaged state.', // 24
  '', // 25
  '**Verify:** The service is stopped.', // 26
  '```cmd', // 27
  'sc query wuauserv', // 28
  '```', // 29
  '',
].join('\n');

/** The base article with one piece of text replaced (the piece must be there). */
function variant(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`the base article has no ${JSON.stringify(from)}`);
  return BASE.replace(from, to);
}

describe('readArticleMarkdown', () => {
  it('reads the base article of these tests', () => {
    const read = readArticleMarkdown(BASE);
    expect(read.ok && read.value.fixes[0]).toStrictEqual({
      id: 'reset-components',
      title: 'Reset the components',
      admin: true,
      actions: [
        { step: 'Open Command Prompt as administrator.' },
        { command: 'net stop wuauserv', shell: 'cmd' },
      ],
      why: 'It clears the damaged state.',
      verify: {
        text: 'The service is stopped.',
        command: { command: 'sc query wuauserv', shell: 'cmd' },
      },
    });
  });

  it.each([
    [
      'an unquoted code',
      variant('code: "0x80244001"', 'code: 0x80244001'),
      2,
      /code 0x80244001 is not quoted, so YAML reads it as the number 2149859329; quote it: code: "0x80244001"/,
    ],
    [
      'an unquoted decimal code',
      variant('code: "0x80244001"', 'code: -2145107967'),
      2,
      /reads it as the number -2145107967; quote it: code: "0x80244001"/,
    ],
    [
      'an unquoted related entry',
      variant('related: ["0x80244007"]', 'related: ["0x80244001", 0x80244007]'),
      6,
      /related entry 0x80244007 is not quoted, so YAML reads it as the number 2149859335; quote it: "0x80244007"/,
    ],
    [
      'an unquoted related entry in a block list',
      variant('related: ["0x80244007"]', 'related:\n  - 0x80244007'),
      7,
      /related entry 0x80244007 is not quoted/,
    ],
    [
      'a code with no value',
      variant('code: "0x80244001"', 'code:'),
      2,
      /code has no value; expected quoted text/,
    ],
    ['a missing code', variant('code: "0x80244001"\n', ''), 1, /code: is required/],
    [
      'a missing title',
      variant('title: "Windows Update error 0x80244001"\n', ''),
      1,
      /title: is required/,
    ],
    [
      'a code not in canonical form',
      variant('code: "0x80244001"', 'code: "80244001"'),
      2,
      /code: must be "0x" followed by 8 upper-case hex digits/,
    ],
    ['an unknown severity', variant('severity: moderate', 'severity: bad'), 5, /severity: /],
    [
      'an unknown front matter key',
      variant('severity: moderate', 'severity: moderate\nauthor: me'),
      6,
      /front matter: unknown key "author"; expected one of: code, product, title, severity, appliesTo, related, retry, sources, messages, reviewedAt/,
    ],
    [
      'broken YAML in the front matter',
      variant('related: ["0x80244007"]', 'related: ["0x80244007"'),
      6,
      /front matter: /,
    ],
    ['no front matter', BASE.slice(4), 1, /expected the front matter first: a line "---"/],
    [
      'an unclosed front matter',
      BASE.replace('---\n## What', '## What'),
      1,
      /front matter opened here is not closed by a line "---"/,
    ],
    [
      'a body that does not start with the meaning',
      variant('## What does this error mean?\nThe update client could not start.\n\n', ''),
      8,
      /expected the first section, "## What does this error mean\?" \(the summary\), found "## Common causes"/,
    ],
    [
      'an empty summary',
      variant('The update client could not start.\n', ''),
      8,
      /meaning.summary: must not be empty/,
    ],
    [
      'an unknown section',
      variant('## Common causes', '## Notes'),
      11,
      /unknown section "## Notes"; expected one of: "## What does this error mean\?", "## Common causes", "## How to fix it", "## When to call a professional", "## Frequently asked questions"/,
    ],
    [
      'sections out of order',
      variant('## Common causes', '## When to call a professional\nCall.\n\n## Common causes'),
      14,
      /section "## Common causes" must come before "## When to call a professional"/,
    ],
    [
      'a repeated section',
      variant('## How to fix it', '## Common causes\n- Another.\n\n## How to fix it'),
      14,
      /section "## Common causes" appears twice/,
    ],
    [
      'an unknown subsection of the meaning',
      variant('could not start.\n', 'could not start.\n### Background\nMore.\n'),
      10,
      /unexpected "### Background" under "## What does this error mean\?"; expected "### Official definition", "### In detail"/,
    ],
    [
      'a cause naming a missing fix',
      variant('{fixes: [reset-components]}', '{fixes: [reset-components, dism-sfc]}'),
      12,
      /causes.0.fixes: cause names fix "dism-sfc", which the article does not have \(fixes: reset-components\)/,
    ],
    [
      'a cause whose trailing braces are not fix links',
      variant('{fixes: [reset-components]}', '{fix: reset-components}'),
      12,
      /a cause's trailing \{fix: reset-components\} is read as its fixes: write \{fixes: \[fix-id, …\]\}, or \\\{/,
    ],
    [
      'a paragraph among the causes',
      variant('- Damaged components.', 'Some causes:\n- Damaged components.'),
      12,
      /expected a cause as a list item "- …" or the next section/,
    ],
    [
      'a fix heading without an id',
      variant('### Reset the components {#reset-components}', '### Reset the components'),
      15,
      /expected a fix heading "### <title> \{#<id>\}" under "## How to fix it", found "### Reset the components"/,
    ],
    [
      'a fix id that is not a slug',
      variant('{#reset-components}', '{#Reset Components}'),
      15,
      /fixes.0.id: must be lower-case letters/,
    ],
    [
      'text before the first fix',
      variant('## How to fix it\n', '## How to fix it\nTry these.\n'),
      15,
      /expected a fix heading "### <title> \{#<id>\}"/,
    ],
    [
      'an empty list item',
      variant('1. Open Command Prompt as administrator.', '1.'),
      19,
      /expected a fenced block or text in a numbered list item under fix "reset-components"/,
    ],
    [
      'a list item with an unknown shell',
      variant('2. ```cmd', '2. ```bash'),
      20,
      /a command's fence names its shell: ```cmd or ```powershell, found "bash" under fix "reset-components"/,
    ],
    [
      'a list item fence with no shell',
      variant('2. ```cmd', '2. ```'),
      20,
      /```cmd or ```powershell, found no language/,
    ],
    [
      'text after a command in its list item',
      variant('   ```\n\n**Why', '   ```\n   and wait.\n\n**Why'),
      23,
      /nothing may follow a command's fenced block in its list item under fix "reset-components"/,
    ],
    [
      'text before a command without a colon',
      variant('2. ```cmd', '2. Stop the service\n   ```cmd'),
      20,
      /the text before a command's fence is its condition and ends with ":"/,
    ],
    [
      'an unclosed fence in a list item',
      variant('   ```\n\n**Why', '\n**Why'),
      20,
      /the fenced block opened here is not closed; expected a line of 3 backticks/,
    ],
    [
      'a continuation line indented too little',
      variant('   net stop wuauserv', '  net stop wuauserv'),
      21,
      /expected the list item's next line indented by 3 spaces under fix "reset-components"/,
    ],
    [
      'a stray paragraph in a fix',
      variant('\n**Why:**', '\nAlso reboot.\n\n**Why:**'),
      24,
      /unexpected "Also reboot." under fix "reset-components"; expected \*\*Why:\*\*, \*\*Verify:\*\*, the next fix/,
    ],
    [
      'Why after Verify',
      `${BASE.replace('**Why:** It clears the damaged state.\n\n', '')}\n**Why:** Again.\n`,
      29,
      /unexpected \*\*Why:\*\* after \*\*Verify:\*\*/,
    ],
    [
      'a fenced block under Why',
      variant('**Why:** It clears the damaged state.', '**Why:** It clears:\n```cmd\nx\n```'),
      25,
      /a fenced block under \*\*Why:\*\* is not a command under fix "reset-components"/,
    ],
    [
      'a verify command with an unknown shell',
      variant('```cmd\nsc query', '```sh\nsc query'),
      27,
      /```cmd or ```powershell, found "sh"/,
    ],
    [
      'an unknown attribute',
      variant('admin: true', 'admin: true\nreboot: yes'),
      18,
      /the attribute block under fix "reset-components": unknown key "reboot"; expected one of: use, admin, restart, risk, reversible, undo, platforms, minutes/,
    ],
    [
      'an attribute of the wrong type',
      variant('admin: true', 'risk: moderate\nadmin: "yes"'),
      18,
      /fixes.0.admin: .*boolean/,
    ],
    [
      'an unquoted number as a platform',
      variant('admin: true', 'platforms: [windows-10, 7]'),
      17,
      /platforms entry 7 is not quoted, so YAML reads it as the number 7; quote it: "7"/,
    ],
    [
      'a fix that uses a procedure and lists actions',
      variant('admin: true', 'use: reset-windows-update-components'),
      19,
      /a fix that uses procedure "reset-windows-update-components" takes its actions from it; remove the action list or the use: line/,
    ],
    [
      'a fix with no actions and no procedure',
      variant(
        '1. Open Command Prompt as administrator.\n2. ```cmd\n   net stop wuauserv\n   ```\n',
        '',
      ),
      15,
      /no action list under fix "reset-components"; expected a numbered list of steps and commands \(or use: <procedure id>/,
    ],
    [
      'two fixes with one id',
      `${BASE}\n### Again {#reset-components}\n1. Restart.\n`,
      31,
      /fix id "reset-components" is used twice/,
    ],
    [
      'text before the first question',
      `${BASE}\n## Frequently asked questions\nAsk away.\n`,
      32,
      /expected a question as a "### " heading under "## Frequently asked questions", found "Ask away."/,
    ],
    [
      'an empty answer',
      `${BASE}\n## Frequently asked questions\n### Why?\n`,
      32,
      /faq.0.answer: must not be empty/,
    ],
  ])('refuses %s, naming the line and what is accepted', (_name, text, line, message) => {
    const read = readArticleMarkdown(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason.message).toMatch(new RegExp(`^line ${line}: `));
      expect(read.reason.message).toMatch(message);
    }
  });

  it.each([
    ['CRLF line ends', BASE.replace(/\n/g, '\r\n')],
    ['a byte order mark', `\uFEFF${BASE}`],
    ['blank lines between the blocks of a fix', variant('```\n1. Open', '```\n\n1. Open')],
    ['any numbers on the list items', variant('2. ```cmd', '1. ```cmd')],
    [
      'an unquoted date',
      variant('severity: moderate', 'severity: moderate\nreviewedAt: 2026-11-26'),
    ],
  ])('accepts %s', (_name, text) => {
    const read = readArticleMarkdown(text);
    expect(read.ok ? read.value.fixes[0]?.id : read.reason.message).toBe('reset-components');
  });

  it('keeps "###" headings inside the escalation as its Markdown', () => {
    const escalation = 'Stop when DISM fails.\n\n### What to hand over\nThe code and the build.';
    const read = readArticleMarkdown(`${BASE}\n## When to call a professional\n${escalation}\n`);
    expect(read.ok && read.value.escalation).toBe(escalation);
  });

  it('reads a command with a condition, and a multi-line step', () => {
    const read = readArticleMarkdown(
      variant(
        '2. ```cmd',
        '2. Or on Windows 10\n   and later:\n   ```powershell\n   Stop-Service `\n     wuauserv\n   ```\n3. A step\n   on two lines.\n4. ```cmd',
      ),
    );
    expect(read.ok && read.value.fixes[0]).toMatchObject({
      actions: [
        { step: 'Open Command Prompt as administrator.' },
        {
          command: 'Stop-Service `\n  wuauserv',
          shell: 'powershell',
          condition: 'Or on Windows 10\nand later',
        },
        { step: 'A step\non two lines.' },
        { command: 'net stop wuauserv', shell: 'cmd' },
      ],
    });
  });

  it('takes off the backslash that keeps structure-like text as text', () => {
    const read = readArticleMarkdown(
      variant(
        'could not start.\n',
        'could not start.\n\\## Not a section\n\\\\### Two backslashes\n',
      )
        .replace('- Damaged components. {fixes', '- Braces \\{kept} {fixes')
        .replace('1. Open Command', '1. \\```cmd\n   Open Command')
        .replace('**Why:** It clears', '**Why:** It\n\\**Verify:** clears'),
    );
    expect(read.ok && read.value.meaning.summary).toBe(
      'The update client could not start.\n## Not a section\n\\### Two backslashes',
    );
    expect(read.ok && read.value.causes[0]).toStrictEqual({
      text: 'Braces {kept}',
      fixes: ['reset-components'],
    });
    expect(read.ok && read.value.fixes[0]).toMatchObject({
      actions: [{ step: '```cmd\nOpen Command Prompt as administrator.' }, {}],
      why: 'It\n**Verify:** clears the damaged state.',
    });
  });
});
