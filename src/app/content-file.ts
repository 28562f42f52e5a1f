/** A file of content handed to a use case: where it came from (for messages) and its text. */
export interface ContentFile {
  /** Path relative to the content folder, with `/` separators: `windows-update/0x80244001.md`. */
  path: string;
  text: string;
}

export type ContentKind = 'article' | 'procedure' | 'family' | 'page-text';

/** Markdown articles start with front matter; anything else is taken for scraped page text. */
export function kindOfContent(file: ContentFile): ContentKind {
  if (/(^|\/)procedures\/[^/]+\.md$/.test(file.path)) return 'procedure';
  if (/(^|\/)families\/[^/]+\.md$/.test(file.path)) return 'family';
  if (file.text.replace(/^\uFEFF/, '').startsWith('---')) return 'article';
  return 'page-text';
}
