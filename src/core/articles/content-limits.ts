import type { Issue, IssuePath } from '../issues.js';

/**
 * How large content may be (docs/ARTICLE-FORMAT.md, "Sizes"). The seed article is about 9 KiB
 * and its longest field under 2 KiB: the limits leave room for long guides while refusing a
 * file that is not an article (a log pasted by mistake, a generated dump) before it is parsed.
 */
export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_FIELD_BYTES = 32 * 1024;

const KIB = 1024;

/** UTF-8 bytes of `text`, stopping once past `limit` (a huge input is not walked to its end). */
export function utf8BytesUpTo(text: string, limit: number): number {
  // Every UTF-16 unit is at least one UTF-8 byte: a string longer than the limit is over it.
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The refusal of a whole file over MAX_FILE_BYTES, or undefined when it may be read. */
export function fileTooLarge(text: string): Issue | undefined {
  const bytes = utf8BytesUpTo(text, MAX_FILE_BYTES);
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return {
    code: 'too_large',
    path: [],
    message:
      `the file is over ${MAX_FILE_BYTES / KIB} KiB (at least ${Math.ceil(bytes / KIB)} KiB); ` +
      'an article, procedure or page may be at most that large, so it was not read',
  };
}

/** Every string field of `value` over MAX_FIELD_BYTES, with its path and size. */
export function oversizedFields(
  value: unknown,
  path: IssuePath = [],
): { path: IssuePath; bytes: number }[] {
  if (typeof value === 'string') {
    const bytes = utf8BytesUpTo(value, MAX_FIELD_BYTES);
    return bytes > MAX_FIELD_BYTES ? [{ path, bytes }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => oversizedFields(item, [...path, index]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => oversizedFields(item, [...path, key]));
  }
  return [];
}

/** How a too-large field is refused (the path is named in the message, as the schema's are). */
export const fieldTooLargeMessage = (dotted: string, bytes: number): string =>
  `${dotted}: is over ${MAX_FIELD_BYTES / KIB} KiB (at least ${Math.ceil(bytes / KIB)} KiB); ` +
  'a field may be at most that large: split the text or link to a longer document';
