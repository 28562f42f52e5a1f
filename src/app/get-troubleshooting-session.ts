import { DomainError } from '../core/errors.js';
import { platformName } from '../core/products/registry.js';
import { successShown, type SuccessShown } from '../core/troubleshoot/fix-estimate.js';
import { professionalSummary } from '../core/troubleshoot/professional-summary.js';
import { currentLeg, viewOf, type WalkView } from '../core/troubleshoot/walk-machine.js';
import type { WalkSubject } from '../core/troubleshoot/walk.js';
import type { StoredSession } from '../core/troubleshoot-ports.js';
import type { AppDeps } from './deps.js';
import { SESSION_ID } from './troubleshoot-session-id.js';
import { loadWalkSubject, type SubjectDeps } from './walk-subject.js';

/** A session that exists and has not expired, or `session_not_found` / `session_expired`. */
export async function liveSession(
  deps: Pick<AppDeps, 'sessions' | 'clock'>,
  id: string,
): Promise<StoredSession> {
  const found = SESSION_ID.test(id) ? await deps.sessions.getSession(id) : undefined;
  if (!found) {
    throw new DomainError(
      'session_not_found',
      'there is no troubleshooting session with this id; start a new one from the article',
    );
  }
  if (found.expiresAt <= deps.clock.now().toISOString()) {
    throw new DomainError(
      'session_expired',
      'this troubleshooting session is more than 30 days old and has expired; start a new one from the article',
      { startedAt: found.createdAt },
    );
  }
  return found;
}

export interface TroubleshootingSessionView {
  session: StoredSession;
  subject: WalkSubject;
  view: WalkView;
  /** For the fix shown: "worked for N% of M people", past the minimum sample only. */
  success?: SuccessShown;
  platformName?: string;
  /** Plain text for a professional (code, platform, steps and results). */
  summary: string;
}

/** Everything a page, the API or the CLI shows of a session now. */
export async function getTroubleshootingSession(
  deps: Pick<AppDeps, 'sessions' | 'clock' | 'registry'> & SubjectDeps,
  id: string,
): Promise<TroubleshootingSessionView> {
  const session = await liveSession(deps, id);
  return describeSession(deps, session);
}

export async function describeSession(
  deps: Pick<AppDeps, 'registry'> & SubjectDeps,
  session: StoredSession,
): Promise<TroubleshootingSessionView> {
  const { state } = session;
  const leg = state.path[currentLeg(state)]!;
  const { subject, tallies } = await loadWalkSubject(deps, leg, state.platform);
  const view = viewOf(state, subject);
  const titles = new Map<string, string>();
  for (const fix of subject.fixes) titles.set(`${currentLeg(state)}|${fix.id}`, fix.title);
  // Titles of fixes on earlier legs: load those legs' subjects only when there are any.
  for (let index = 0; index < state.path.length - 1; index++) {
    const earlier = await loadWalkSubject(deps, state.path[index]!, state.platform);
    for (const fix of earlier.subject.fixes) titles.set(`${index}|${fix.id}`, fix.title);
  }
  const summary = professionalSummary(state, {
    platformName: (platform) => platformName(deps.registry, platform),
    fixTitle: (legIndex, fixId) => titles.get(`${legIndex}|${fixId}`) ?? fixId,
  });
  const result: TroubleshootingSessionView = { session, subject, view, summary };
  if (state.platform !== undefined)
    result.platformName = platformName(deps.registry, state.platform);
  if (view.kind === 'step') {
    const tally = tallies.get(view.fix.id);
    const shown = tally && successShown(tally);
    if (shown) result.success = shown;
  }
  return result;
}
