/**
 * Reads kept for the rest of the current turn of the event loop. The requests a server answers
 * in one turn arrived together, so one read serves them all: what another process commits is
 * seen from the next turn on. A write of this process forgets the reads it changes at once.
 */
export class TurnMemo {
  private readonly values = new Map<string, unknown>();
  private clearing = false;

  get<T>(key: string, read: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = read();
    this.values.set(key, value);
    if (!this.clearing) {
      this.clearing = true;
      setImmediate(() => {
        this.values.clear();
        this.clearing = false;
      }).unref();
    }
    return value;
  }

  /** After a write of this process that changes what `key` reads. */
  forget(key: string): void {
    this.values.delete(key);
  }
}
