import { formatHex } from '../core/codes/code-value.js';
import type { CodeLookup, ReadingView } from '../app/responses.js';
import { describeWrapped } from '../app/describe-wrapped.js';

function formatReading(reading: ReadingView, origin: string): string[] {
  const d = reading.decode;
  const names = reading.names.map((n) => n.name + (n.aliasOf ? ` (alias of ${n.aliasOf})` : ''));
  const lines = [
    `${reading.code}  ${names[0] ?? reading.label ?? '(not in the bundled tables)'}`,
    ...names.slice(1).map((name) => `            also ${name}`),
    `  read as:  ${reading.notation} — ${reading.reason}`,
    `  facility: ${d.facility.number}${d.facility.name ? ` ${d.facility.name}` : ''}, code ${d.code} (${formatHex(d.code, 4)}), ${d.severity}`,
    `  decimal:  ${d.unsigned} unsigned, ${d.signed} signed`,
  ];
  const inside = describeWrapped(reading);
  if (inside) lines.push(`  inside:   ${inside}`);
  if (reading.extend) {
    const { phase, operation } = reading.extend;
    lines.push(
      `  extend:   ${reading.extend.hex}: phase ${phase.number}${phase.name ? ` ${phase.name}` : ''}, ` +
        `operation ${operation.number}${operation.name ? ` ${operation.name}` : ''}`,
    );
  }
  const meaning = reading.plainMeaning ?? reading.note;
  if (meaning) lines.push(`  meaning:  ${meaning}`);
  if (reading.families.length > 0) lines.push(`  family:   ${reading.families.join(', ')}`);
  if (reading.retry) {
    const fix = reading.retry.firstFix ? ` (first safe fix: ${reading.retry.firstFix})` : '';
    lines.push(`  retry:    ${reading.retry.when}: ${reading.retry.reason}${fix}`);
  }
  if (reading.suggestions && reading.suggestions.length > 0) {
    lines.push(`  did you mean: ${reading.suggestions.join(', ')}`);
  }
  for (const article of reading.articles) {
    lines.push(`  article:  ${article.title}`, `            ${origin}${article.url}`);
  }
  if (reading.articles.length === 0) lines.push(`  page:     ${origin}${reading.url}`);
  return lines;
}

/**
 * A lookup as lines for a terminal: the best reading first, every other one after it; links
 * start with `baseUrl`.
 */
export function formatLookup(lookup: CodeLookup, baseUrl: string): string[] {
  const blocks = lookup.readings.map((reading, index) => {
    const lines = formatReading(reading, baseUrl);
    return lookup.readings.length > 1
      ? [`${index + 1}. ${lines[0] ?? ''}`, ...lines.slice(1)]
      : lines;
  });
  const header =
    lookup.readings.length > 1
      ? [`"${lookup.input}" can be read ${lookup.readings.length} ways, most likely first:`, '']
      : [];
  return [...header, ...blocks.flatMap((block, index) => (index > 0 ? ['', ...block] : block))];
}
