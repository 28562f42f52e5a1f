// Loaded with `node --import`: records every module URL the process resolves (ESM and the
// entry points of CommonJS packages it imports) into the file named by ERRATLAS_MODULE_LOG.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: { file: process.env.ERRATLAS_MODULE_LOG } });
