#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';
import { processIo, reportCrash } from './cli/process-io.js';
import { cliWiring } from './compose-cli.js';

runCli(process.argv.slice(2), processIo(), cliWiring()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportCrash('erratlas', error, 2),
);
