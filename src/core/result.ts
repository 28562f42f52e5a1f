/** What a parser of untrusted input returns: a value, or the reason it was refused. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; reason: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(reason: E): { ok: false; reason: E } => ({ ok: false, reason });
