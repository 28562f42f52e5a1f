import type { SharedReport, SharedReportStore } from '../../core/logs-report-ports.js';
import type { SqliteConnection } from './sqlite-connection.js';

interface ReportRow {
  id: string;
  diagnosis: string;
  created_at: string;
  expires_at: string;
}

/** Shared log reports on the shared SQLite connection (outside any unit of work: one row each). */
export class SqliteSharedReportStore implements SharedReportStore {
  private readonly insert;
  private readonly select;
  private readonly deleteExpired;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insert = db.prepare<[string, string, string, string]>(
      'INSERT INTO shared_log_reports (id, diagnosis, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.select = db.prepare<[string], ReportRow>(
      'SELECT id, diagnosis, created_at, expires_at FROM shared_log_reports WHERE id = ?',
    );
    this.deleteExpired = db.prepare<[string]>(
      'DELETE FROM shared_log_reports WHERE expires_at < ?',
    );
  }

  saveReport(r: SharedReport): Promise<void> {
    return this.connection.gate.outside(() => {
      this.insert.run(r.id, r.diagnosis, r.createdAt, r.expiresAt);
    });
  }

  getReport(id: string): Promise<SharedReport | undefined> {
    return this.connection.gate.outside(() => {
      const row = this.select.get(id);
      return (
        row && {
          id: row.id,
          diagnosis: row.diagnosis,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    });
  }

  deleteExpiredReports(now: string): Promise<number> {
    return this.connection.gate.outside(() => this.deleteExpired.run(now).changes);
  }
}
