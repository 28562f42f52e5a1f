import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../test-support/analyse-log-text.js';
import { type LogRule, readLogRule } from './log-rule-schema.js';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const RULES_DIR = join(CONTENT, 'log-rules');
const files = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const rules: LogRule[] = files.map((file) => {
  const result = readLogRule(file, readFileSync(join(RULES_DIR, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problems.join('; ')}`);
  return result.rule;
});

describe('the shipped log rules', () => {
  it('are at least 40, with unique ids that match their file names', () => {
    expect(rules.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(files).toEqual(rules.map((r) => `${r.id}.yaml`).sort());
  });

  it.each(rules.map((r) => [r.id, r] as const))(
    '%s: its own fixture makes it the first match',
    (_id, rule) => {
      const d = diagnoseText(rule.fixture.file, rule.fixture.text, rules);
      expect(d.matches.map((m) => m.rule)[0]).toBe(rule.id);
      expect(d.failureFound).toBe(true);
    },
  );

  it.each(rules.filter((r) => r.article).map((r) => [r.id, r] as const))(
    '%s: names an article and a fix step that exist',
    (_id, rule) => {
      const path = join(CONTENT, 'windows-update', `${rule.article}.md`);
      expect(existsSync(path)).toBe(true);
      if (rule.step) expect(readFileSync(path, 'utf8')).toContain(`{#${rule.step}}`);
    },
  );

  it('match nothing in a healthy log', () => {
    const healthy = [
      '2024/03/05 14:02:10.1234567 1234  5678  Agent           * START * Finding updates CallerId = UpdateOrchestrator  Id = 12',
      '2024/03/05 14:02:12.0000001 1234  5678  DataStore       *FAILED* [80248007] GetUpdate',
      '2024/03/05 14:02:14.1234567 1234  5678  Agent           * END * Finding updates CallerId = UpdateOrchestrator, Exit code = 0x00000000',
    ].join('\r\n');
    const d = diagnoseText('WindowsUpdate.log', healthy, rules);
    expect(d.matches).toEqual([]);
    expect(d.failureFound).toBe(false);
    expect(d.verdict).toMatch(/^No failure found/);
  });
});
