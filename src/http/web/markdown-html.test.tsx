import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { MarkdownBlocks } from './markdown-html.js';

const html = (text: string): string => render(<MarkdownBlocks text={text} />);

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
    ['[bad](javascript:alert(1))', '<p>[bad](javascript:alert(1))</p>'],
    ['<script>x</script>', '<p>&lt;script>x&lt;/script></p>'],
    ['- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
    ['1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
  ])('renders %j', (text, expected) => {
    expect(html(text)).toBe(expected);
  });

  it('shows a fenced block as a command with a copy button', () => {
    const out = html('Run this:\n\n```powershell\nGet-Service wuauserv\n```');
    expect(out).toContain('<code>Get-Service wuauserv</code>');
    expect(out).toContain('PowerShell');
    expect(out).toContain('aria-label="Copy command: Get-Service wuauserv"');
  });
});
