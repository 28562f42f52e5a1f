/** Every section heading the shipped 0x80244001 article page must show, in page order. */
export const ARTICLE_SECTION_HEADINGS = [
  'What does this error mean?',
  'How to fix it',
  'Common causes',
  'More about this error',
  'Official definition',
  'When to call a professional',
  'Frequently asked questions',
  'Related codes',
  'Sources',
  'About the code 0x80244001',
] as const;
