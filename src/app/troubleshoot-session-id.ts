import type { RandomSource } from '../core/troubleshoot-ports.js';

/** 16 random bytes: 128 bits, as base64url (22 characters). */
const ID_BYTES = 16;
export const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

export const newSessionId = (random: RandomSource): string =>
  Buffer.from(random.bytes(ID_BYTES)).toString('base64url');

/** Sessions live this long from their start; then they answer `session_expired` (410). */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
