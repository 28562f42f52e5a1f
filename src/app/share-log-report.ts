import type { Diagnosis } from '../core/logs/diagnose.js';
import { DomainError } from '../core/errors.js';
import type { AppDeps } from './deps.js';
import { newSessionId, SESSION_ID } from './troubleshoot-session-id.js';

/** A shared report lives this long; then it answers `report_expired` (410). */
export const REPORT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** The same id shape as sessions: 128 random bits, base64url. */
export const REPORT_ID = SESSION_ID;

/**
 * Keeps a diagnosis because its reader asked to share it. The diagnosis is already redacted
 * (the analyser redacts every line and name it keeps); only it is stored, never the log.
 */
export async function shareLogReport(
  deps: Pick<AppDeps, 'reports' | 'random' | 'clock'>,
  diagnosis: Diagnosis,
): Promise<{ id: string; expiresAt: string }> {
  const now = deps.clock.now();
  const report = {
    id: newSessionId(deps.random),
    diagnosis: JSON.stringify(diagnosis),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + REPORT_LIFETIME_MS).toISOString(),
  };
  await deps.reports.saveReport(report);
  // Expired reports go as new ones come: nothing is kept past its 30 days for long.
  await deps.reports.deleteExpiredReports(report.createdAt);
  return { id: report.id, expiresAt: report.expiresAt };
}

/** A shared report that exists and has not expired, or `report_not_found` / `report_expired`. */
export async function getSharedReport(
  deps: Pick<AppDeps, 'reports' | 'clock'>,
  id: string,
): Promise<{ diagnosis: Diagnosis; createdAt: string; expiresAt: string }> {
  const found = REPORT_ID.test(id) ? await deps.reports.getReport(id) : undefined;
  if (!found)
    throw new DomainError(
      'report_not_found',
      'there is no shared log report at this address; it may have been mistyped',
    );
  if (found.expiresAt <= deps.clock.now().toISOString())
    throw new DomainError(
      'report_expired',
      'this shared log report is more than 30 days old and has expired; analyse the logs again to share a new one',
      { sharedAt: found.createdAt },
    );
  return {
    diagnosis: JSON.parse(found.diagnosis) as Diagnosis,
    createdAt: found.createdAt,
    expiresAt: found.expiresAt,
  };
}
