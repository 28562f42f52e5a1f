import type { StorageHealth } from '../core/health-ports.js';

export type CheckState = 'ok' | 'failed' | 'pending';

export interface Readiness {
  ready: boolean;
  /** Why not, in one line for an operator; absent when ready. */
  reason?: string;
  checks: { database: CheckState; migrations: CheckState; content: CheckState };
}

/**
 * Whether this instance should get traffic: its database answers, every migration it ships
 * is applied, and the bundled content has been synced. Each check is reported, so an
 * operator sees all that is wrong at once.
 */
export async function checkReadiness(
  health: StorageHealth,
  contentSynced: () => boolean,
): Promise<Readiness> {
  const reasons: string[] = [];
  const checks: Readiness['checks'] = { database: 'ok', migrations: 'ok', content: 'ok' };
  try {
    await health.ping();
  } catch (error) {
    checks.database = 'failed';
    checks.migrations = 'pending';
    reasons.push(
      `the database cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (checks.database === 'ok') {
    const pending = await health.pendingMigrations().catch((error: unknown) => {
      checks.migrations = 'failed';
      reasons.push(
        `the applied migrations cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    });
    if (pending.length > 0) {
      checks.migrations = 'pending';
      reasons.push(`migrations not applied: ${pending.join(', ')}`);
    }
  }
  if (!contentSynced()) {
    checks.content = 'pending';
    reasons.push('the bundled content has not been synced yet');
  }
  return reasons.length === 0
    ? { ready: true, checks }
    : { ready: false, reason: reasons.join('; '), checks };
}
