import { describe, expect, it } from 'vitest';
import { checkRegistry } from './registry.js';
import {
  addDays,
  isoOfLongDate,
  longDate,
  platformStatus,
  supportHasEnded,
} from './platform-support.js';

const source = {
  title: 'Windows 7 (Microsoft Lifecycle)',
  url: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-7',
};
const windows7 = { id: 'windows-7', name: 'Windows 7', support: { ends: '2020-01-14', source } };

const registryWith = (support: unknown): unknown => ({
  platforms: [{ id: 'windows-7', name: 'Windows 7', support }],
  products: [
    { slug: 'windows-update', name: 'Microsoft Windows Update', platforms: ['windows-7'] },
  ],
});

describe('platform support', () => {
  it.each([
    ['2020-01-13', false],
    ['2020-01-14', false],
    ['2020-01-15', true],
  ])('on %s, support ending 2020-01-14 has ended: %s', (today, ended) => {
    expect(supportHasEnded(windows7.support, today)).toBe(ended);
  });

  it('labels an ended platform with the day its support ended', () => {
    expect(platformStatus(windows7, '2026-12-07')).toMatchObject({
      label: 'Windows 7 - support ended January 14, 2020',
      supportEnded: true,
    });
  });

  it('labels a platform whose support has not ended with its name only', () => {
    expect(platformStatus(windows7, '2019-06-01')).toMatchObject({
      label: 'Windows 7',
      supportEnded: false,
    });
    expect(platformStatus({ id: 'windows-11', name: 'Windows 11' }, '2026-12-07').label).toBe(
      'Windows 11',
    );
  });

  it('writes dates as the lifecycle pages do', () => {
    expect(longDate('2025-10-14')).toBe('October 14, 2025');
  });

  it('reads a long date back, and refuses a day the calendar lacks', () => {
    expect(isoOfLongDate('January 12, 2027')).toBe('2027-01-12');
    expect(isoOfLongDate('October 4, 2025')).toBe('2025-10-04');
    expect(isoOfLongDate('February 30, 2027')).toBeUndefined();
    expect(isoOfLongDate('Januar 12, 2027')).toBeUndefined();
  });

  it('counts days across months and years', () => {
    expect(addDays('2027-01-12', -90)).toBe('2026-10-14');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('accepts an end of support with its source and ESU', () => {
    const checked = checkRegistry(
      registryWith({ ends: '2020-01-14', source, esu: { ends: '2023-01-10', source } }),
    );
    expect(checked.ok).toBe(true);
  });

  it.each([
    [{ ends: '2020-02-30', source }, 'platforms.0.support.ends: is not a day of the calendar'],
    [{ ends: '14/01/2020', source }, 'platforms.0.support.ends: must be a date written YYYY-MM-DD'],
    [{ ends: '2020-01-14' }, 'platforms.0.support.source'],
    [{ ends: '2020-01-14', source: { title: 'Lifecycle' } }, 'platforms.0.support.source.url'],
    [{ ends: '2020-01-14', source, esu: { ends: '2023-01-10' } }, 'platforms.0.support.esu.source'],
  ])('refuses %j', (support, message) => {
    const checked = checkRegistry(registryWith(support));
    expect(checked.ok ? '' : checked.reason).toContain(message);
  });
});
