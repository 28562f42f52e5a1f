import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
