import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, dayOf, longDate } from '../src/core/products/platform-support.js';
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

  it('warns of an end of support within 90 days, and refuses a stated end date that differs', async () => {
    // A folder's own products.yaml, with Windows Server 2016 ending 30 days from today, so the
    // warning shows whatever day the test runs on.
    const ends = addDays(dayOf(new Date()), 30);
    const registry = readFileSync(join(ROOT, 'content/products.yaml'), 'utf8');
    expect(registry).toContain('ends: "2027-01-12"');
    const shipped = readFileSync(join(ROOT, 'content/windows-update/0x80244019.md'), 'utf8');
    const faq = /\n### I run Windows Server 2016\. How long will it get updates\?\n.*\n/;
    expect(shipped).toMatch(faq);
    const lines = shipped.split('\n');
    const appliesAt = lines.findIndex((line) => line.startsWith('appliesTo:')) + 1;
    const faqAt = lines.findIndex((line) => line.startsWith('### I run Windows Server 2016')) + 1;
    const lint = async (name: string, article: string): Promise<string[]> => {
      mkdirSync(join(folder, name), { recursive: true });
      writeFileSync(
        join(folder, name, 'products.yaml'),
        registry.replace('ends: "2027-01-12"', `ends: "${ends}"`),
      );
      writeFileSync(join(folder, name, '0x80244019.md'), article);
      const result = await erratlas(['lint', name], {}, folder);
      expect(result.code).toBe(1);
      return result.stdout.split('\n').filter((line) => line !== '');
    };
    const warning = `unstated/0x80244019.md:${appliesAt}: warning: Windows Server 2016's support ends ${longDate(ends)} `;

    // Without its statement about Windows Server 2016: the warning, at the line of appliesTo.
    const unstated = await lint('unstated', shipped.replace(faq, '\n'));
    expect(unstated).toEqual([expect.stringMatching(/\[platform-support-ending\]$/)]);
    expect(unstated[0]).toContain(warning);
    expect(unstated[0]).toContain('within 90 days');

    // With it: its date (January 12, 2027) now differs from products.yaml, an error at the FAQ.
    const stated = await lint('stated', shipped);
    expect(stated).toEqual(
      expect.arrayContaining([
        `stated/0x80244019.md:${faqAt}: error: this says Windows Server 2016's support ends January 12, 2027, ` +
          `but products.yaml gives ${longDate(ends)} (https://learn.microsoft.com/en-us/lifecycle/products/windows-server-2016); ` +
          'correct the date (a date about its mainstream support, ESU or an LTSC edition must say so in the same ' +
          'stretch of the sentence) [platform-support-date-wrong]',
      ]),
    );
  });
});
