/**
 * Port of shared log reports (issue 11, Privacy). Nothing uploaded is stored unless the person
 * asks to share: then only the redacted diagnosis is kept (never the log), under a random id,
 * until it expires.
 */
export interface SharedReport {
  /** Random, unguessable (base64url of 128 bits from the wiring's random source). */
  id: string;
  /** The redacted diagnosis, as JSON text (the store does not read it). */
  diagnosis: string;
  createdAt: string;
  /** After this instant the report answers `report_expired` (410). */
  expiresAt: string;
}

export interface SharedReportStore {
  saveReport(report: SharedReport): Promise<void>;
  getReport(id: string): Promise<SharedReport | undefined>;
  /** Deletes the reports that expired before `now`; returns how many. */
  deleteExpiredReports(now: string): Promise<number>;
}
