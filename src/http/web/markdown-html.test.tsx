import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { inline, MarkdownBlocks } from './markdown-html.js';

/** The rendered HTML inside the wrapper, with markdown-it's line breaks between tags removed. */
const html = (text: string): string =>
  render(<MarkdownBlocks text={text} />)
    .replace(/^<div class="md">|<\/div>$/g, '')
    .replace(/>\n+/g, '>')
    .replace(/\n+</g, '<')
    .trim();

describe('MarkdownBlocks', () => {
  it.each([
    ['`sc query`', '<p><code>sc query</code></p>'],
    ['**bold** and *em*', '<p><strong>bold</strong> and <em>em</em></p>'],
    ['ERROR_INTERNET_* and ERROR_HTTP_* names', '<p>ERROR_INTERNET_* and ERROR_HTTP_* names</p>'],
    ['a * b * c', '<p>a * b * c</p>'],
    [
      '[docs](https://learn.microsoft.com/x)',
      '<p><a href="https://learn.microsoft.com/x">docs</a></p>',
    ],
    ['[code page](/codes/0x80070005)', '<p><a href="/codes/0x80070005">code page</a></p>'],
    ['[bad](javascript:alert(1))', '<p>[bad](javascript:alert(1))</p>'],
    ['[other host](//evil.example/x)', '<p>[other host](//evil.example/x)</p>'],
    ['[file](file:///C:/x)', '<p>[file](file:///C:/x)</p>'],
    // Images are off: the address stays a link a person may follow, nothing loads by itself.
    [
      '![pixel](https://tracker.example/p.gif)',
      '<p>!<a href="https://tracker.example/p.gif">pixel</a></p>',
    ],
    ['<script>x</script>', '<p>&lt;script&gt;x&lt;/script&gt;</p>'],
    ['<b onclick="x()">b</b>', '<p>&lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>'],
    ['- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
    ['1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
    ['- one\n  - inner\n- two', '<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>'],
    ['### Inside an answer', '<h4>Inside an answer</h4>'],
    ['# Never a page title', '<h4>Never a page title</h4>'],
    ['##### Deep', '<h5>Deep</h5>'],
  ])('renders %j', (text, expected) => {
    expect(html(text)).toBe(expected);
  });

  it('puts a table in a box that scrolls by itself and a keyboard can reach', () => {
    const out = html('| Windows | Path |\n| --- | --- |\n| 11 | Settings > Windows Update |');
    expect(out).toMatch(/^<div class="table-scroll" tabindex="0"><table><thead>/);
    expect(out).toContain('<td>Settings &gt; Windows Update</td>');
  });

  it('aligns table cells by class, not by a style attribute the CSP would refuse', () => {
    const out = html('| Code | Meaning |\n| ---: | :---: |\n| 5 | denied |');
    expect(out).not.toContain('style=');
    expect(out).toContain('<th class="align-right">Code</th>');
    expect(out).toContain('<td class="align-center">denied</td>');
  });

  it('shows a fenced block as a command with a copy button', () => {
    const out = html('Run this:\n\n```powershell\nGet-Service wuauserv\n```');
    expect(out).toContain('<code>Get-Service wuauserv</code>');
    expect(out).toContain('PowerShell');
    expect(out).toContain('aria-label="Copy command: Get-Service wuauserv"');
  });

  it('shows a fence with several lines as one block, one command per line', () => {
    const out = html('```cmd\nnet stop wuauserv\nnet stop bits\n```');
    expect(out.match(/<figure class="command">/g)).toHaveLength(1);
    expect(out).toContain('<code>net stop wuauserv\nnet stop bits</code>');
  });
});

describe('inline', () => {
  const text = (markdown: string): string => render(inline(markdown));

  it('keeps a one-paragraph step inline, without a paragraph around it', () => {
    expect(text('Open **Settings** > `Windows Update`.')).toBe(
      '<span class="md">Open <strong>Settings</strong> &gt; <code>Windows Update</code>.</span>',
    );
  });

  it.each([
    ['First.\n\nSecond.', '<p>First.</p>'],
    ['Either:\n- this\n- that', '<ul>'],
    ['Run:\n```cmd\nsc query bits\n```', '<figure class="command">'],
  ])('renders %j as blocks', (markdown, expected) => {
    expect(text(markdown)).toContain(expected);
    expect(text(markdown)).toMatch(/^<div class="md">/);
  });
});
