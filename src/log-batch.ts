/** Where the batches go: a synchronous writer (pino's sonic-boom destination with `sync: true`). */
export interface LineSink {
  write(text: string): unknown;
}

/** Every batch that may hold lines; written out when the process exits. */
const whenExiting = new Set<LogBatch>();
const flushAll = (): void => {
  for (const batch of whenExiting) batch.flush();
};

/** A turn that logs more than this writes what it has at once, so a burst cannot pile up. */
const MAX_BATCH_CHARS = 64 * 1024;

/**
 * A pino destination that writes the lines of one event-loop turn together, in one write at
 * the end of the turn (`setImmediate`): a busy server answers many requests per turn and made
 * one write per request line before; a quiet one still writes each line within the turn it
 * was logged in. Lines still pending when the process exits are written then.
 */
export class LogBatch {
  private pending = '';
  private scheduled = false;
  private readonly flushSoon = (): void => {
    this.scheduled = false;
    this.flush();
  };

  constructor(private readonly sink: LineSink) {
    if (whenExiting.size === 0) process.once('exit', flushAll);
    whenExiting.add(this);
  }

  write(line: string): void {
    this.pending += line;
    if (this.pending.length >= MAX_BATCH_CHARS) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushSoon);
    }
  }

  /** Writes what is pending now (pino calls this on `logger.flush()`). */
  flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.sink.write(text);
  }
}
