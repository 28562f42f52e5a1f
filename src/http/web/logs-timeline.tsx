import type { VNode } from 'preact';
import type { Diagnosis } from '../../core/logs/diagnose.js';

/**
 * The timeline of a diagnosis as SVG, rendered on the server: one lane per run (a scan, an
 * install, a servicing session…) from its start to its end, its first failure marked with a
 * cross and its code, its result written out. Nothing is told by colour alone: a failed run
 * is a filled bar and says "failed", a succeeded one an empty bar, one with no end a dashed
 * one; strokes use `currentColor`, so it reads in dark mode and in print. `<title>` and
 * `<desc>` say the same in words for a screen reader. Pure: the diagnosis in, a vnode out.
 */

const WIDTH = 720;
const LANE = 34;
const TOP = 28;
const LEFT = 8;
const RIGHT = 8;
const MAX_LANES = 12;

/** A log time (`2024-03-05 14:05:01`, `2024/03/05 14:02:13.765`, `…:766+0100`) as ms, or undefined. */
export function timeOf(text: string | undefined): number | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

type Lane = {
  label: string;
  result: string;
  start: number;
  end: number | undefined;
  failure?: { at: number; code: string } | undefined;
};

function lanesOf(d: Diagnosis): Lane[] {
  const lanes: Lane[] = [];
  for (const run of d.runs) {
    const start = timeOf(run.startTime);
    if (start === undefined) continue;
    const failureAt = timeOf(run.firstFailure?.time);
    lanes.push({
      label: `${run.kind}: ${run.label}`,
      result: `${run.result}${run.resultCode ? ` (${run.resultCode})` : ''}`,
      start,
      end: timeOf(run.endTime),
      failure:
        run.firstFailure && failureAt !== undefined
          ? { at: failureAt, code: run.firstFailure.code }
          : undefined,
    });
  }
  return lanes.slice(0, MAX_LANES);
}

/** A code label drawn right of a mark this close to the edge would be cut: it goes left. */
const nearEnd = (at: number): boolean => at + 90 > WIDTH;

const clock = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The same as the picture, in words. */
export function timelineDescription(d: Diagnosis): string {
  const lanes = lanesOf(d);
  if (lanes.length === 0) return 'The logs have no runs with times to draw.';
  const parts = lanes.map(
    (l) =>
      `${l.label} ${l.result}${l.failure ? `, first failure ${l.failure.code} at ${clock(l.failure.at)}` : ''}`,
  );
  return `${lanes.length} run${lanes.length === 1 ? '' : 's'} from ${clock(Math.min(...lanes.map((l) => l.start)))}: ${parts.join('; ')}.`;
}

export function LogTimeline({ diagnosis }: { diagnosis: Diagnosis }): VNode | null {
  const lanes = lanesOf(diagnosis);
  if (lanes.length === 0) return null;
  const times = lanes.flatMap((l) => [l.start, l.end ?? l.start, l.failure?.at ?? l.start]);
  const min = Math.min(...times);
  const span = Math.max(Math.max(...times) - min, 1000);
  const x = (t: number): number => LEFT + ((t - min) / span) * (WIDTH - LEFT - RIGHT);
  const height = TOP + lanes.length * LANE + 8;
  return (
    <svg
      class="log-timeline"
      role="img"
      aria-labelledby="timeline-title timeline-desc"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="timeline-title">Timeline of the runs in the logs</title>
      <desc id="timeline-desc">{timelineDescription(diagnosis)}</desc>
      <g font-size="11" fill="currentColor" stroke="currentColor">
        <text x={LEFT} y={12} stroke="none">
          {clock(min)}
        </text>
        <text x={WIDTH - RIGHT} y={12} stroke="none" text-anchor="end">
          {clock(min + span)}
        </text>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={18} y2={18} stroke-width="1" />
        {lanes.map((lane, i) => {
          const y = TOP + i * LANE;
          const x1 = x(lane.start);
          const x2 = Math.max(x(lane.end ?? lane.failure?.at ?? lane.start), x1 + 3);
          const failed = lane.result.startsWith('failed');
          const open = lane.end === undefined;
          return (
            <g class={`lane result-${lane.result.split(' ')[0] ?? 'unknown'}`}>
              <text x={LEFT} y={y + 9} stroke="none">
                {`${lane.label} — ${lane.result}`}
              </text>
              <rect
                x={x1}
                y={y + 13}
                width={x2 - x1}
                height={9}
                fill={failed ? 'currentColor' : 'none'}
                stroke-width="1.5"
                stroke-dasharray={open ? '4 3' : undefined}
              />
              {lane.failure ? (
                <g class="first-failure">
                  <path
                    d={`M${x(lane.failure.at) - 5} ${y + 12} l10 11 m0 -11 l-10 11`}
                    stroke-width="2"
                  />
                  <text
                    x={
                      nearEnd(x(lane.failure.at)) ? x(lane.failure.at) - 8 : x(lane.failure.at) + 8
                    }
                    y={y + 21}
                    stroke="none"
                    text-anchor={nearEnd(x(lane.failure.at)) ? 'end' : 'start'}
                  >
                    {lane.failure.code}
                  </text>
                </g>
              ) : null}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
