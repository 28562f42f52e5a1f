import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SharedReport, SharedReportStore } from '../../core/logs-report-ports.js';

const report = (id: string, expiresAt: string): SharedReport => ({
  id,
  diagnosis: JSON.stringify({ verdict: `report ${id}`, failureFound: true }),
  createdAt: '2026-11-01T10:00:00.000Z',
  expiresAt,
});

/** What every SharedReportStore does, run against each adapter. */
export function describeSharedReportStoreContract(
  name: string,
  open: () => { reports: SharedReportStore; close(): Promise<void> },
): void {
  describe(`SharedReportStore contract: ${name}`, () => {
    let storage: ReturnType<typeof open>;
    beforeEach(() => {
      storage = open();
    });
    afterEach(() => storage.close());

    it('keeps a report as given and finds it by id; an unknown id is undefined', async () => {
      const r = report('a1', '2026-12-01T10:00:00.000Z');
      await storage.reports.saveReport(r);
      expect(await storage.reports.getReport('a1')).toEqual(r);
      expect(await storage.reports.getReport('a2')).toBeUndefined();
    });

    it('refuses a second report under the same id (ids are never reused)', async () => {
      await storage.reports.saveReport(report('same', '2026-12-01T10:00:00.000Z'));
      await expect(
        storage.reports.saveReport(report('same', '2026-12-02T10:00:00.000Z')),
      ).rejects.toThrow();
      expect((await storage.reports.getReport('same'))?.expiresAt).toBe('2026-12-01T10:00:00.000Z');
    });

    it('deletes only the reports expired before now', async () => {
      await storage.reports.saveReport(report('old', '2026-11-15T00:00:00.000Z'));
      await storage.reports.saveReport(report('new', '2026-12-15T00:00:00.000Z'));
      expect(await storage.reports.deleteExpiredReports('2026-12-01T00:00:00.000Z')).toBe(1);
      expect(await storage.reports.getReport('old')).toBeUndefined();
      expect(await storage.reports.getReport('new')).toBeDefined();
    });
  });
}
