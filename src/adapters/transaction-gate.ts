import { AsyncLocalStorage } from 'node:async_hooks';

/** How a store method reaches its storage: `fn` is synchronous (better-sqlite3, a Map). */
export type Access = <T>(fn: () => T) => Promise<T>;

/** What a transaction does to its storage; all synchronous, as the embedded drivers are. */
export interface TransactionSteps {
  begin(): void;
  commit(): void;
  rollback(): void;
}

interface OpenTransaction {
  active: boolean;
}

const run = <T>(fn: () => T): Promise<T> => {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};

/**
 * Serializes one in-process connection between async units of work and everything else.
 *
 * better-sqlite3 is synchronous and the server shares one connection, but a unit of work is
 * async: between two of its `await`s other requests run. Without a gate their statements would
 * land inside the open transaction (committed or rolled back with it) and their reads would see
 * its uncommitted rows. So while a transaction is open, every call made outside it waits in a
 * FIFO queue and runs after the commit or rollback; transactions queue the same way. With no
 * transaction open, a call runs at once (no queueing cost on the common path).
 *
 * A call from inside a unit of work on a store *not* given to it would wait for the very
 * transaction it is part of; that deadlock is turned into an error naming the mistake.
 */
export class TransactionGate {
  /** Settles when the last queued transaction has ended. */
  private tail: Promise<void> = Promise.resolve();
  /** Transactions running or queued. */
  private pending = 0;
  private readonly context = new AsyncLocalStorage<OpenTransaction>();

  /** For a store handle outside any unit of work. */
  readonly outside: Access = <T>(fn: () => T): Promise<T> => {
    if (this.context.getStore()?.active) {
      return Promise.reject(
        new Error(
          'a store was called from inside a unit of work without going through it; ' +
            'use the stores that run() passes to the work (tx.articles, tx.demand)',
        ),
      );
    }
    if (this.pending === 0) return run(fn);
    return this.tail.then(fn);
  };

  /**
   * Runs `work` between `begin` and `commit`, after every transaction queued before it;
   * rolls back and rethrows when `work` throws. `bind` makes the stores for `work` from an
   * access that is valid only while this transaction is open.
   */
  transaction<S, T>(
    steps: TransactionSteps,
    bind: (access: Access) => S,
    work: (stores: S) => Promise<T>,
  ): Promise<T> {
    if (this.context.getStore()?.active) {
      return Promise.reject(
        new Error('units of work do not nest: run the inner steps with the outer tx'),
      );
    }
    this.pending += 1;
    const turn = this.tail.then(() => this.runOne(steps, bind, work));
    const ended = (): void => {
      this.pending -= 1;
      // An enabled AsyncLocalStorage makes Node 20 run a hook on every promise the process
      // creates (a tenth of a cached page's cost under load). With no transaction open or
      // queued nothing can be inside one, so the storage is switched off until the next
      // `run` switches it on again; `getStore()` then answers undefined, which is the truth.
      if (this.pending === 0) this.context.disable();
    };
    this.tail = turn.then(ended, ended);
    return turn;
  }

  private async runOne<S, T>(
    steps: TransactionSteps,
    bind: (access: Access) => S,
    work: (stores: S) => Promise<T>,
  ): Promise<T> {
    const open: OpenTransaction = { active: true };
    const access: Access = <R>(fn: () => R): Promise<R> =>
      open.active
        ? run(fn)
        : Promise.reject(new Error('a store of a unit of work was used after it had ended'));
    steps.begin();
    try {
      const value = await this.context.run(open, () => work(bind(access)));
      open.active = false;
      steps.commit();
      return value;
    } catch (error) {
      open.active = false;
      steps.rollback();
      throw error;
    }
  }
}
