import { valueOfCode, isCanonical } from '../core/codes/code-value.js';
import { decodeCode } from '../core/codes/decode-hresult.js';
import type { InlineFix } from '../core/articles/schema.js';
import { orderFixes, type FixTally } from '../core/troubleshoot/fix-estimate.js';
import { covers } from '../core/troubleshoot/walk-machine.js';
import type { Leg, WalkSubject } from '../core/troubleshoot/walk.js';
import type { AppDeps } from './deps.js';
import { getArticleForReading } from './get-article.js';

export type SubjectDeps = Pick<AppDeps, 'store' | 'outcomes' | 'catalog' | 'families'>;

/** The escalation of a walk with no article: ours, since a family has no such section. */
const GENERAL_ESCALATION =
  'If none of these steps helped, stop here. Hand the summary below (the code, your Windows version and what you tried) to your IT department, the PC maker or a repair shop.';

export interface LoadedSubject {
  subject: WalkSubject;
  /** Outcome tallies of the subject's fixes on the platform (empty for general fixes). */
  tallies: Map<string, FixTally>;
}

/**
 * What one leg of a walk goes through. An article that covers the platform: its fixes, in the
 * order outcomes on that platform give them. No article, or one that does not cover the
 * platform: the general fixes (the bundled procedures, safe first), with the code's family
 * named so the page can link its "What generally helps".
 */
export async function loadWalkSubject(
  deps: SubjectDeps,
  leg: Leg,
  platform: string | undefined,
): Promise<LoadedSubject> {
  const stored = await deps.store.getArticle(leg.product, leg.code);
  if (stored && (platform === undefined || covers(stored.article, platform))) {
    const { fixes } = await getArticleForReading(deps, leg.product, leg.code);
    const tallies =
      platform === undefined
        ? new Map<string, FixTally>()
        : await deps.outcomes.outcomeTallies(leg.product, leg.code, platform);
    const subject: WalkSubject = {
      product: leg.product,
      code: leg.code,
      source: { kind: 'article', title: stored.article.title },
      appliesTo: stored.article.appliesTo,
      fixes: orderFixes(fixes, tallies),
    };
    if (stored.article.escalation !== undefined) subject.escalation = stored.article.escalation;
    return { subject, tallies };
  }
  return {
    subject: await generalSubject(deps, leg, stored ? 'platform-not-covered' : 'no-article'),
    tallies: new Map(),
  };
}

const RISK_RANK = { safe: 0, moderate: 1, destructive: 2 } as const;

async function generalSubject(
  deps: SubjectDeps,
  leg: Leg,
  why: 'no-article' | 'platform-not-covered',
): Promise<WalkSubject> {
  const family = primaryFamily(deps, leg.code);
  const procedures = (await deps.store.listProcedures()).map((p) => p.procedure);
  const fixes: InlineFix[] = [...procedures].sort(
    (a, b) =>
      RISK_RANK[a.risk ?? 'moderate'] - RISK_RANK[b.risk ?? 'moderate'] || a.id.localeCompare(b.id),
  );
  return {
    product: leg.product,
    code: leg.code,
    source: {
      kind: 'family',
      ...(family ? { familyId: family.id } : {}),
      title: family ? family.title : `Error ${leg.code}`,
      why,
    },
    appliesTo: [],
    fixes,
    escalation: GENERAL_ESCALATION,
  };
}

function primaryFamily(deps: Pick<AppDeps, 'catalog' | 'families'>, code: string) {
  if (!isCanonical(code)) return undefined;
  const value = valueOfCode(code);
  return deps.families.familiesOf(
    value,
    decodeCode(value, deps.catalog),
    deps.catalog.namesOf(value),
  )[0];
}
