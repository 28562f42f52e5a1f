import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogSource } from '../../app/analyze-logs.js';
import { buildZip } from '../../test-support/zip-writer.js';
import { LogInputError, readLogSources } from './read-log-sources.js';

const base = mkdtempSync(join(tmpdir(), 'atlas-dir-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const names = async (sources: AsyncIterable<LogSource>) => {
  const out: string[] = [];
  for await (const s of sources) {
    if ('chunks' in s) for await (const _ of s.chunks) void _;
    out.push('refused' in s ? `${s.name} (refused)` : s.name);
  }
  return out;
};

describe('readLogSources on a directory', () => {
  const logs = join(base, 'logs');
  const outside = join(base, 'outside');
  mkdirSync(join(logs, 'CBS', 'deep'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.log'), 'not yours\n');
  writeFileSync(join(logs, 'CBS', 'CBS.log'), 'x\n');
  writeFileSync(join(logs, 'CBS', 'deep', 'setupact.log'), 'x\n');
  writeFileSync(join(logs, 'dism.log.bak'), 'x\n');
  writeFileSync(join(logs, 'setupmem.dmp'), 'MDMP');
  writeFileSync(join(logs, 'tool.exe'), 'MZ');
  writeFileSync(join(logs, 'WindowsUpdate.20240305.etl'), 'x');
  writeFileSync(
    join(logs, 'bundle.zip'),
    buildZip([{ name: 'in/ReportingEvents.log', data: 'x\n' }]),
  );
  symlinkSync(join(outside, 'secret.log'), join(logs, 'link-out.log'));
  symlinkSync(outside, join(logs, 'link-out-dir'));
  symlinkSync(join(logs, 'CBS', 'CBS.log'), join(logs, 'link-in.log'));
  symlinkSync(logs, join(logs, 'CBS', 'loop'));

  it('walks nested folders, reads log names and zips, names .etl, skips the rest, links out and loops', async () => {
    expect(await names(readLogSources(['logs'], base))).toEqual([
      'logs/bundle.zip/in/ReportingEvents.log',
      'logs/CBS/CBS.log',
      'logs/CBS/deep/setupact.log',
      // CBS/loop links back to the root (already walked) and link-in.log to a log already
      // read: neither is read twice. link-out* point outside: never read.
      'logs/dism.log.bak',
      'logs/WindowsUpdate.20240305.etl (refused)',
    ]);
  });

  it('a missing path is the input error the CLI turns into exit 2', async () => {
    await expect(names(readLogSources(['nope'], base))).rejects.toBeInstanceOf(LogInputError);
  });
});
