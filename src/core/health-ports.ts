/** What readiness asks of storage: can it be reached, and is its schema current. */
export interface StorageHealth {
  /** Resolves when a trivial query succeeds; rejects with the driver's error otherwise. */
  ping(): Promise<void>;
  /** Names of the migrations this version ships that the database has not applied. */
  pendingMigrations(): Promise<string[]>;
}
