import { createHash } from 'node:crypto';

/** The identity of a piece of content: sha-256 of its canonical text, hex. */
export const contentHash = (canonicalText: string): string =>
  createHash('sha256').update(canonicalText, 'utf8').digest('hex');
