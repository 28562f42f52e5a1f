/** The vocabulary of an article file (docs/ARTICLE-FORMAT.md): front matter keys and section titles, in their order. */

export const ARTICLE_FRONT_KEYS = [
  'code',
  'product',
  'title',
  'severity',
  'appliesTo',
  'related',
  'retry',
  'sources',
  'messages',
  'reviewedAt',
] as const;

export const PROCEDURE_FRONT_KEYS = ['id', 'title'] as const;

/** `##` sections, in the order they must appear. */
export const SECTIONS = {
  meaning: 'What does this error mean?',
  causes: 'Common causes',
  fixes: 'How to fix it',
  escalation: 'When to call a professional',
  faq: 'Frequently asked questions',
} as const;

/** `###` subsections of the meaning, in order, and the field each fills. */
export const MEANING_SUBSECTIONS = [
  { key: 'official', title: 'Official definition' },
  { key: 'detail', title: 'In detail' },
] as const;

export type SectionKey = keyof typeof SECTIONS;
export const SECTION_ORDER = Object.keys(SECTIONS) as SectionKey[];
