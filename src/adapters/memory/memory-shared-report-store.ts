import type { SharedReport, SharedReportStore } from '../../core/logs-report-ports.js';

/** Shared log reports in process memory (tests, the in-memory server). */
export class MemorySharedReportStore implements SharedReportStore {
  private readonly reports = new Map<string, SharedReport>();

  saveReport(report: SharedReport): Promise<void> {
    if (this.reports.has(report.id))
      return Promise.reject(new Error(`a shared report ${report.id} exists already`));
    this.reports.set(report.id, { ...report });
    return Promise.resolve();
  }

  getReport(id: string): Promise<SharedReport | undefined> {
    const found = this.reports.get(id);
    return Promise.resolve(found && { ...found });
  }

  deleteExpiredReports(now: string): Promise<number> {
    let deleted = 0;
    for (const [id, report] of this.reports)
      if (report.expiresAt < now) {
        this.reports.delete(id);
        deleted++;
      }
    return Promise.resolve(deleted);
  }
}
