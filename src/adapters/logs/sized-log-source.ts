import type { LogSource } from '../../app/analyze-logs.js';

/** A source with its size in bytes when known (a file's, a zip entry's declared size): for progress bars. */
export type SizedLogSource = LogSource & { size?: number | undefined };
