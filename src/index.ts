/** The library API: the pure core only (no I/O). */
export * from './core/articles/schema.js';
export { resolveFixes } from './core/articles/resolve-fixes.js';
export { buildCatalog, type Catalog } from './core/codes/catalog.js';
export { decodeCode, type Decoded } from './core/codes/decode-hresult.js';
export { readNotation } from './core/codes/read-notation.js';
export type { Reading, NotationError } from './core/codes/reading.js';
export {
  CANONICAL_CODE,
  type CanonicalCode,
  formatCode,
  isCanonical,
  parseCanonicalCode,
} from './core/codes/code-value.js';
export type { Issue, IssuePath, ReadFailure } from './core/issues.js';
export { MAX_FIELD_BYTES, MAX_FILE_BYTES } from './core/articles/content-limits.js';
export { DomainError } from './core/errors.js';
export { suggestNearCodes } from './core/codes/did-you-mean.js';
export { buildFamilyIndex, type FamilyIndex } from './core/families/family-index.js';
export { readFamilyMarkdown } from './core/families/family-markdown.js';
export { readArticleMarkdown } from './core/articles/markdown-read.js';
export { writeArticleMarkdown } from './core/articles/markdown-write.js';
export { importPageText } from './core/articles/page-import.js';
