import { compose, type Composed } from '../compose.js';
import { BUNDLED_CONTENT_DIR, BUNDLED_DATA_DIR, type DatabaseTarget } from '../config.js';

/** The real wiring with the bundled content and tables, on a database of the test's choosing. */
export function composeForTest(
  database: DatabaseTarget = { kind: 'memory' },
  requestsToken: string | undefined = undefined,
): Promise<Composed> {
  return compose({
    port: 0,
    database,
    contentDir: BUNDLED_CONTENT_DIR,
    dataDir: BUNDLED_DATA_DIR,
    requestsToken,
  });
}
