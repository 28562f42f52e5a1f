import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LogRule, readLogRule } from '../core/logs/log-rule-schema.js';

/** The log fixtures of test/logs/, for tests that read them by name. */
export const LOG_FIXTURES = new URL('../../test/logs/', import.meta.url);

const RULES_DIR = fileURLToPath(new URL('../../content/log-rules/', import.meta.url));

/** Every shipped log rule (content/log-rules/*.yaml), read as the analyser reads them. */
export const shippedLogRules: LogRule[] = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const result = readLogRule(file, readFileSync(join(RULES_DIR, file), 'utf8'));
    if (!result.ok) throw new Error(file);
    return result.rule;
  });
