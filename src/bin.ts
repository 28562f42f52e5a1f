#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`erratlas: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
