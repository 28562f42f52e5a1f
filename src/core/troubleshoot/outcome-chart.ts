import { escapeXml } from '../xml-escape.js';
import type { FixTally } from './fix-estimate.js';

/** One row of the chart: a fix, in the order the walk-through offers it, with its answers. */
export interface ChartFix extends FixTally {
  title: string;
}

export interface OutcomeChartInput {
  /** What the chart is about, e.g. "0x80244001 on Windows 11". */
  subject: string;
  fixes: readonly ChartFix[];
}

const WIDTH = 720;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 300;
const ROW = 46;
const TOP = 78;

/**
 * The three answers, told apart by pattern and by words as well as by shade, so the chart
 * reads in print, in high-contrast modes and without colour: solid, hatched, dotted.
 */
const SEGMENTS = [
  { key: 'fixed', label: 'fixed it', fill: '#1a7f37', pattern: undefined },
  { key: 'stillFailing', label: 'still failing', fill: 'url(#still-failing)', pattern: 'hatch' },
  { key: 'couldNotDo', label: 'could not do it', fill: 'url(#could-not-do)', pattern: 'dots' },
] as const;

const PATTERNS = `<defs>
<pattern id="still-failing" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><rect width="3" height="8" fill="#b42318"/></pattern>
<pattern id="could-not-do" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.4" fill="#444444"/></pattern>
</defs>`;

const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "12 fixed it, 30 still failing, 3 could not do it". */
function countsText(fix: FixTally): string {
  return SEGMENTS.map((s) => `${fix[s.key].toLocaleString('en-US')} ${s.label}`).join(', ');
}

/** Cuts a fix title to what fits beside the bar, on a word boundary. */
function fitTitle(title: string, max = 34): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 12 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Where people stop and what fixed it, as an SVG document rendered on the server: one row
 * per fix in walk-through order, a bar of its answers split into "fixed it" (those stop
 * here, done), "still failing" (those go on to the next fix) and "could not do it", with
 * the numbers written beside it. Bars share one scale, so the drop from fix to fix shows.
 */
export function outcomeChartSvg({ subject, fixes }: OutcomeChartInput): string {
  const answered = fixes.reduce((n, f) => n + f.fixed + f.stillFailing + f.couldNotDo, 0);
  const most = Math.max(1, ...fixes.map((f) => f.fixed + f.stillFailing + f.couldNotDo));
  const height = TOP + Math.max(1, fixes.length) * ROW + 16;
  const title = `How people fared with the fixes for ${subject}`;
  const desc =
    answered === 0
      ? 'Nobody has answered yet.'
      : fixes.map((f, i) => `Fix ${i + 1}, ${f.title}: ${countsText(f)}.`).join(' ');

  const legend = SEGMENTS.map((s, i) => {
    const x = 16 + i * 170;
    return `<rect x="${x}" y="44" width="18" height="14" fill="${s.fill}" stroke="#222222"/><text x="${x + 24}" y="56">${s.label}</text>`;
  }).join('');

  const rows = fixes.map((fix, i) => {
    const y = TOP + i * ROW;
    let x = LABEL_WIDTH;
    const bars = SEGMENTS.map((s) => {
      const width = (fix[s.key] / most) * BAR_WIDTH;
      const rect =
        width > 0
          ? `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="22" fill="${s.fill}" stroke="#222222"/>`
          : '';
      x += width;
      return rect;
    }).join('');
    const total = fix.fixed + fix.stillFailing + fix.couldNotDo;
    return (
      `<g><text x="16" y="${y + 16}">${escapeXml(`${i + 1}. ${fitTitle(fix.title)}`)}</text>` +
      (total === 0
        ? `<text x="${LABEL_WIDTH}" y="${y + 16}" fill="#555555">no answers yet</text>`
        : `${bars}<text x="${LABEL_WIDTH}" y="${y + 38}" font-size="12">${escapeXml(countsText(fix))}</text>`) +
      `</g>`
    );
  });

  const summary =
    answered === 0
      ? 'Nobody has answered yet.'
      : `${plural(answered, 'answer', 'answers')} in all.`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="14" fill="#111111">` +
    `<title id="chart-title">${escapeXml(title)}</title><desc id="chart-desc">${escapeXml(desc)}</desc>` +
    PATTERNS +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<text x="16" y="24" font-size="16" font-weight="bold">${escapeXml(title)}</text>` +
    `<text x="${WIDTH - 16}" y="24" text-anchor="end">${escapeXml(summary)}</text>` +
    legend +
    rows.join('') +
    `</svg>\n`
  );
}
