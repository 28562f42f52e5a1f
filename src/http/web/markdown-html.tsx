import MarkdownIt from 'markdown-it';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Shell } from '../../core/articles/schema.js';
import { CommandBlock } from './command-block.js';

/**
 * Article, procedure and family text rendered by markdown-it (CommonMark: nested lists,
 * tables, headings inside answers), with raw HTML off so every character of the text is
 * escaped, links limited to http(s) addresses, site paths and anchors, no images, and fenced
 * blocks shown as commands with a copy button, as the fixes show them.
 */

/** http(s) addresses, paths of this site (not `//host`, which leaves it) and anchors. */
const SAFE_LINK = /^(?:https?:\/\/|\/(?!\/)|#)/i;

/** Headings inside a field sit below the page's own `h2`/`h3` sections. */
const LOWEST_HEADING_LEVEL = 4;

function createRenderer(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.renderer.rules.fence = (tokens, index) => {
    const token = tokens[index];
    const shell: Shell = token?.info.trim() === 'powershell' ? 'powershell' : 'cmd';
    const command = (token?.content ?? '').replace(/\n$/, '');
    return render(<CommandBlock commands={[command]} shell={shell} />);
  };
  md.renderer.rules.code_block = md.renderer.rules.fence;
  md.renderer.rules.heading_open = (tokens, index) => {
    const level = Math.max(LOWEST_HEADING_LEVEL, Number(tokens[index]?.tag.slice(1) ?? 6));
    return `<h${Math.min(level, 6)}>`;
  };
  md.renderer.rules.heading_close = (tokens, index) => {
    const level = Math.max(LOWEST_HEADING_LEVEL, Number(tokens[index]?.tag.slice(1) ?? 6));
    return `</h${Math.min(level, 6)}>\n`;
  };
  // A wide table scrolls inside its own box (focusable, for keyboards) instead of the page.
  md.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  // markdown-it aligns table cells with `style="text-align:…"`, which the CSP refuses (no inline
  // styles); a class does the same through the stylesheet.
  md.core.ruler.push('align-by-class', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const align = /text-align:(left|center|right)/.exec(
        String(token.attrGet('style') ?? ''),
      )?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrJoin('class', `align-${align}`);
    }
  });
  return md;
}

const markdown = createRenderer();

/**
 * Rendered text by source: the family texts on code pages are rendered on every request, and
 * there are few distinct ones. Bounded; the oldest entry goes first.
 */
const rendered = new Map<string, string>();
const RENDERED_CAPACITY = 1_000;

function memo(key: string, make: () => string): string {
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const html = make();
  rendered.set(key, html);
  if (rendered.size > RENDERED_CAPACITY) {
    const oldest = rendered.keys().next().value;
    if (oldest !== undefined) rendered.delete(oldest);
  }
  return html;
}

/** Block Markdown: paragraphs, lists, tables, headings, command blocks. */
export const renderMarkdown = (text: string): string =>
  memo(`b\n${text}`, () => markdown.render(text));

/** One line or paragraph of Markdown, without the paragraph around it. */
export const renderInlineMarkdown = (text: string): string =>
  memo(`i\n${text}`, () => markdown.renderInline(text));

export function MarkdownBlocks({ text }: { text: string }): VNode {
  return <div class="md" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}

/**
 * Short text such as a step, a cause or a verify line: inline when it is one paragraph, as
 * blocks when it runs over several paragraphs or holds a list or a command.
 */
export function inline(text: string): VNode {
  if (/\n\s*\n|^\s*(?:[-*+]|\d+[.)])\s|^\s*(?:`{3,}|~{3,})/m.test(text)) {
    return <MarkdownBlocks text={text} />;
  }
  return <span class="md" dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(text) }} />;
}
