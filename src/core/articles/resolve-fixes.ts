import type { Article, Fix, InlineFix, Procedure } from './schema.js';
import { isProcedureFix } from './schema.js';
import { fail, ok, type Result } from '../result.js';

/**
 * A fix that says `use: <procedure>` becomes the procedure's fix, with the article's own
 * fields laid over it (its id always; title, why, verify and attributes where given).
 */
export function resolveFix(
  fix: Fix,
  procedures: ReadonlyMap<string, Procedure>,
): Result<InlineFix> {
  if (!isProcedureFix(fix)) return ok(fix);
  const procedure = procedures.get(fix.use);
  if (!procedure) {
    const known = [...procedures.keys()].join(', ') || 'none';
    return fail(
      `fix "${fix.id}" uses procedure "${fix.use}", which does not exist (known: ${known})`,
    );
  }
  // Only the fields the article gives override; an absent one keeps the procedure's.
  const overrides = Object.fromEntries(
    Object.entries(fix).filter(([key, value]) => key !== 'use' && value !== undefined),
  ) as Partial<InlineFix>;
  return ok({ ...procedure, ...overrides, id: fix.id });
}

/** Every fix of the article resolved, in order; the first unknown procedure is the reason. */
export function resolveFixes(
  article: Article,
  procedures: ReadonlyMap<string, Procedure>,
): Result<InlineFix[]> {
  const resolved: InlineFix[] = [];
  for (const fix of article.fixes) {
    const result = resolveFix(fix, procedures);
    if (!result.ok) return result;
    resolved.push(result.value);
  }
  return ok(resolved);
}
