import type { ComponentChildren, VNode } from 'preact';
import { CommandBlock } from './command-block.js';
import type { Shell } from '../../core/articles/schema.js';

/**
 * The small part of Markdown that article text uses: paragraphs, bullet and numbered lists,
 * fenced blocks (shown as commands with a copy button), `code`, **strong**, *emphasis* and
 * links to http(s) addresses. Everything becomes preact nodes, so text is always escaped.
 */
export function MarkdownBlocks({ text }: { text: string }): VNode {
  return <>{parseBlocks(text)}</>;
}

const FENCE = /^(`{3,}|~{3,})\s*([A-Za-z0-9_-]*)\s*$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

function parseBlocks(text: string): VNode[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: VNode[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line.trim());
    if (line.trim() === '') {
      index += 1;
    } else if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !(lines[index] ?? '').trim().startsWith(marker)) {
        body.push(lines[index] ?? '');
        index += 1;
      }
      index += 1;
      const shell: Shell = fence[2] === 'powershell' ? 'powershell' : 'cmd';
      blocks.push(<CommandBlock command={body.join('\n')} shell={shell} />);
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const numbered = NUMBERED.test(line);
      const pattern = numbered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (index < lines.length && pattern.test(lines[index] ?? '')) {
        items.push(pattern.exec(lines[index] ?? '')?.[1] ?? '');
        index += 1;
      }
      const children = items.map((item) => <li>{inline(item)}</li>);
      blocks.push(numbered ? <ol>{children}</ol> : <ul>{children}</ul>);
    } else {
      const paragraph: string[] = [];
      while (index < lines.length) {
        const next = lines[index] ?? '';
        if (next.trim() === '' || FENCE.test(next.trim()) || BULLET.test(next)) break;
        paragraph.push(next.trim());
        index += 1;
      }
      blocks.push(<p>{inline(paragraph.join(' '))}</p>);
    }
  }
  return blocks;
}

// Emphasis needs a non-space just inside each `*`, so `ERROR_INTERNET_*` stays a literal star.
const INLINE =
  /`([^`]+)`|\*\*(?=\S)([^*]+?)(?<=\S)\*\*|\*(?=\S)([^*]+?)(?<=\S)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|\\([\\`*_{}[\]()#+\-.!])/g;

/** Inline Markdown → nodes; unknown syntax stays as the characters it is. */
export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index;
    if (at > last) out.push(text.slice(last, at));
    const [, code, strong, em, linkText, href, escaped] = match;
    if (code !== undefined) out.push(<code>{code}</code>);
    else if (strong !== undefined) out.push(<strong>{strong}</strong>);
    else if (em !== undefined) out.push(<em>{em}</em>);
    else if (linkText !== undefined && href !== undefined) out.push(<a href={href}>{linkText}</a>);
    else if (escaped !== undefined) out.push(escaped);
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
