import { describe, expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../../test-support/xml-tree.js';
import { outcomeChartSvg, type ChartFix } from './outcome-chart.js';

const FIXES: ChartFix[] = [
  { title: 'Restart the PC and check again', fixed: 12, stillFailing: 30, couldNotDo: 3 },
  { title: 'Reset the WinHTTP proxy', fixed: 20, stillFailing: 8, couldNotDo: 0 },
  { title: 'Reset the Windows Update components', fixed: 0, stillFailing: 0, couldNotDo: 0 },
];

const all = (element: XmlElement, name: string): XmlElement[] => [
  ...(element.name === name ? [element] : []),
  ...element.children.flatMap((child) => all(child, name)),
];
const texts = (svg: XmlElement): string[] => all(svg, 'text').map((t) => t.text);

describe('outcomeChartSvg', () => {
  it('is a well-formed SVG image with a title and a description for screen readers', () => {
    const svg = parseXml(outcomeChartSvg({ subject: '0x80244001 on Windows 11', fixes: FIXES }));
    expect(svg.name).toBe('svg');
    expect(svg.attributes.role).toBe('img');
    const [title] = all(svg, 'title');
    expect(title?.text).toContain('0x80244001 on Windows 11');
    const [desc] = all(svg, 'desc');
    expect(desc?.text).toContain(
      'Fix 1, Restart the PC and check again: 12 fixed it, 30 still failing, 3 could not do it.',
    );
  });

  it('writes every fix’s numbers as words, so it reads without colour', () => {
    const svg = parseXml(outcomeChartSvg({ subject: 'x', fixes: FIXES }));
    const words = texts(svg);
    expect(words).toContain('1. Restart the PC and check again');
    expect(words).toContain('12 fixed it, 30 still failing, 3 could not do it');
    expect(words).toContain('20 fixed it, 8 still failing, 0 could not do it');
    expect(words).toContain('no answers yet');
    for (const label of ['fixed it', 'still failing', 'could not do it'])
      expect(words).toContain(label);
    expect(words).toContain('73 answers in all.');
  });

  it('draws the answers on one scale, each kind with its own fill (solid, hatched, dotted)', () => {
    const svg = parseXml(outcomeChartSvg({ subject: 'x', fixes: FIXES }));
    const bars = all(svg, 'rect').filter((r) => r.attributes.height === '22');
    // Fix 1: three segments; fix 2: two (no "could not do it"); fix 3: none.
    expect(bars).toHaveLength(5);
    const widths = bars.map((b) => Number(b.attributes.width));
    const [fixed1, failing1, couldNot1, fixed2, failing2] = widths;
    // Fix 1 has the most answers (45): its bar is the full 300 units.
    expect((fixed1 ?? 0) + (failing1 ?? 0) + (couldNot1 ?? 0)).toBeCloseTo(300, 0);
    expect(((fixed2 ?? 0) + (failing2 ?? 0)) / 300).toBeCloseTo(28 / 45, 2);
    expect(new Set(bars.slice(0, 3).map((b) => b.attributes.fill)).size).toBe(3);
    expect(all(svg, 'pattern').map((p) => p.attributes.id)).toEqual([
      'still-failing',
      'could-not-do',
    ]);
  });

  it('escapes what an article’s title brings in and cuts a long title on a word', () => {
    const svg = outcomeChartSvg({
      subject: 'a <b> & "c"',
      fixes: [
        {
          title: 'Check <proxy> & "bypass" list settings of the whole organisation',
          fixed: 1,
          stillFailing: 0,
          couldNotDo: 0,
        },
      ],
    });
    const parsed = parseXml(svg);
    expect(all(parsed, 'title')[0]?.text).toContain('a <b> & "c"');
    const label = texts(parsed).find((t) => t.startsWith('1. '));
    expect(label).toBe('1. Check <proxy> & "bypass" list…');
  });

  it('says nobody has answered yet when there are no answers', () => {
    const svg = parseXml(outcomeChartSvg({ subject: 'x', fixes: FIXES.slice(2) }));
    expect(all(svg, 'desc')[0]?.text).toBe('Nobody has answered yet.');
    expect(texts(svg)).toContain('Nobody has answered yet.');
  });
});
