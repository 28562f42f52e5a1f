import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, erratlas } from './run-process.js';

const folder = mkdtempSync(join(tmpdir(), 'atlas-lint-support-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('erratlas lint: out-of-support platforms', () => {
  it('reports, at the line of appliesTo, a platform whose support ended and that the text never marks', async () => {
    // A shipped article that covers Windows 8.1, with its statement about 8.1's support taken out.
    const shipped = readFileSync(join(ROOT, 'content/windows-update/0x80070002.md'), 'utf8');
    const faq = /\n### I still use Windows 8\.1\. Does this apply to me\?\n.*\n/;
    expect(shipped).toMatch(faq);
    const file = join(folder, '0x80070002.md');
    writeFileSync(file, shipped.replace(faq, '\n'));
    const appliesAt = shipped.split('\n').findIndex((line) => line.startsWith('appliesTo:')) + 1;
    const result = await erratlas(['lint', '0x80070002.md'], {}, folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^0x80070002\\.md:${appliesAt}: error: Windows 8\\.1 is out of support \\(support ended January 10, 2023, ` +
          'https://learn\\.microsoft\\.com/en-us/lifecycle/products/windows-81\\).*\\[platform-support-unstated\\]$',
        'm',
      ),
    );
  });

  it('checks products.yaml: a bad end date and a missing source, each at its line', async () => {
    const shipped = readFileSync(join(ROOT, 'content/products.yaml'), 'utf8');
    const lines = shipped.split('\n');
    const ends7 = lines.findIndex((line) => line.includes('ends: "2020-01-14"'));
    lines[ends7] = lines[ends7]?.replace('2020-01-14', '2020-02-30') ?? '';
    const source81 = lines.findIndex((line) => line.includes('products/windows-81"'));
    lines.splice(source81, 1);
    mkdirSync(join(folder, 'registry'), { recursive: true });
    writeFileSync(join(folder, 'registry', 'products.yaml'), lines.join('\n'));
    const result = await erratlas(['lint', 'registry'], {}, folder);
    expect(result.code).toBe(1);
    // The support block of Windows 8.1 is the line before its removed source.
    expect(result.stdout.split('\n').filter((line) => line !== '')).toEqual([
      `registry/products.yaml:${source81 - 1}: error: platforms.2.support.source: is required [registry-invalid]`,
      `registry/products.yaml:${ends7}: error: platforms.4.support.ends: is not a day of the calendar [registry-invalid]`,
    ]);
  });
});
