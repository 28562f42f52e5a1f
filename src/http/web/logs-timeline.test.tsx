import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../core/logs/diagnose.js';
import type { Finding, Run } from '../../core/logs/log-types.js';
import { LogTimeline, timelineDescription, timeOf } from './logs-timeline.js';

const failure: Finding = {
  code: '0x800F081F',
  value: 0x800f081f,
  context: '[HRESULT = ..]',
  time: '2024-03-05 14:05:01',
  file: 'CBS.log',
  line: 7,
  text: 'x',
  before: [],
  after: [],
};
const run = (over: Partial<Run>): Run => ({
  kind: 'servicing session',
  label: 'session 1',
  file: 'CBS.log',
  startLine: 1,
  result: 'succeeded',
  ...over,
});
const diagnosis = (runs: Run[]): Diagnosis => ({
  verdict: 'v',
  failureFound: true,
  matches: [],
  groups: [],
  telling: [],
  runs,
  timeline: [],
  files: [],
  refused: [],
});

const d = diagnosis([
  run({
    label: 'repair',
    startTime: '2024-03-05 14:04:58',
    endTime: '2024-03-05 14:05:03',
    result: 'failed',
    resultCode: '0x800F081F',
    firstFailure: failure,
  }),
  run({
    kind: 'scan',
    label: 'scan',
    startTime: '2024-03-05 14:05:00',
    endTime: '2024-03-05 14:05:02',
  }),
  run({
    kind: 'install',
    label: 'KB1',
    startTime: '2024-03-05 14:05:01',
    result: 'no end in the log',
  }),
]);

describe('LogTimeline (SVG rendered on the server)', () => {
  const svg = render(<LogTimeline diagnosis={d} />);
  const lanes = svg.split('<g class="lane').slice(1);

  it('one lane per run, each saying its result in words (not by colour alone)', () => {
    expect(lanes).toHaveLength(3);
    expect(lanes[0]).toContain('servicing session: repair — failed (0x800F081F)');
    expect(lanes[1]).toContain('scan: scan — succeeded');
    expect(lanes[2]).toContain('install: KB1 — no end in the log');
  });

  it('tells results apart by shape: filled failed, empty succeeded, dashed open; a cross and the code at the first failure', () => {
    expect(lanes[0]).toMatch(/<rect [^>]*fill="currentColor"/);
    expect(lanes[1]).toMatch(/<rect [^>]*fill="none"/);
    expect(lanes[1]).not.toContain('stroke-dasharray');
    expect(lanes[2]).toContain('stroke-dasharray="4 3"');
    expect(lanes[0]).toMatch(
      /<g class="first-failure"><path d="M[\d.]+ \d+ l10 11 m0 -11 l-10 11"[^>]*><\/path><text[^>]*>0x800F081F<\/text>/,
    );
    expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });

  it('has a title and a description that say the same in words', () => {
    expect(svg).toMatch(
      /^<svg class="log-timeline" role="img" aria-labelledby="timeline-title timeline-desc"/,
    );
    expect(timelineDescription(d)).toBe(
      '3 runs from 2024-03-05 14:04:58: servicing session: repair failed (0x800F081F), first failure 0x800F081F at 2024-03-05 14:05:01; scan: scan succeeded; install: KB1 no end in the log.',
    );
    expect(svg).toContain(`<desc id="timeline-desc">${timelineDescription(d)}</desc>`);
  });

  it('places runs on one time axis (later starts further right) and draws nothing without times', () => {
    const x = (lane: string | undefined) => Number(/<rect x="([\d.]+)"/.exec(lane ?? '')?.[1]);
    expect(x(lanes[0])).toBeLessThan(x(lanes[1]));
    expect(x(lanes[1])).toBeLessThan(x(lanes[2]));
    expect(render(<LogTimeline diagnosis={diagnosis([run({})])} />)).toBe('');
    expect(timeOf('2024/03/05 14:02:13.7654321')).toBe(Date.UTC(2024, 2, 5, 14, 2, 13));
    expect(timeOf('2024-03-05 14:02:13:766+0100')).toBe(Date.UTC(2024, 2, 5, 14, 2, 13));
    expect(timeOf('not a time')).toBeUndefined();
  });
});
