import { runCli } from './cli/run-cli.js';
import { processIo, reportCrash } from './cli/process-io.js';
import { cliWiring } from './compose-cli.js';

/** `npm start`: the server on the embedded default, configured by PORT and DATABASE_URL. */
runCli(['serve', ...process.argv.slice(2)], processIo(), cliWiring()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportCrash('error-atlas', error, 1),
);
