import { z } from 'zod';
import { httpUrlSchema } from '../articles/schema.js';

/**
 * A platform's end of support as data (content/products.yaml): the last day Microsoft supports
 * it, the lifecycle page that says so, and Extended Security Updates where Microsoft documents
 * them. Pure: whether support has ended is asked with a date the caller reads from its clock.
 */

/** A calendar date YYYY-MM-DD that exists (2023-02-30 does not). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. "2020-01-14"')
  .refine(isCalendarDate, 'is not a day of the calendar');

export const supportSourceSchema = z.strictObject({
  title: z.string().trim().min(1),
  url: httpUrlSchema,
});

export const esuSchema = z.strictObject({
  /** The last day of the last ESU period; only where a Microsoft page gives it. */
  ends: calendarDateSchema.optional(),
  source: supportSourceSchema,
});

export const platformSupportSchema = z.strictObject({
  /** The last day of (extended) support: updates come out on it, none after it. */
  ends: calendarDateSchema,
  source: supportSourceSchema,
  esu: esuSchema.optional(),
});

export type PlatformSupport = z.infer<typeof platformSupportSchema>;

function isCalendarDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** The UTC calendar day of an instant, as the registry writes dates. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Support has ended once the last day of support is behind `today` (both YYYY-MM-DD). */
export const supportHasEnded = (support: PlatformSupport | undefined, today: string): boolean =>
  support !== undefined && support.ends < today;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2020-01-14" → "January 14, 2020", as Microsoft's lifecycle pages write dates in English. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1] ?? ''} ${day ?? ''}, ${year ?? ''}`;
}

/** A long date as articles write it ("January 14, 2020"), anywhere in a text. */
export const LONG_DATE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})\b/g;

/** "January 14, 2020" → "2020-01-14"; undefined for a day the calendar lacks. */
export function isoOfLongDate(text: string): string | undefined {
  const match = /^(\w+) (\d{1,2}), (\d{4})$/.exec(text);
  const month = match ? MONTHS.indexOf(match[1] as (typeof MONTHS)[number]) : -1;
  if (!match || month < 0) return undefined;
  const iso = `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2]?.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** The calendar day `days` after (or before, when negative) `date`, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return dayOf(day);
}

/** One platform as an article shows it today: its name and, when it has ended, its support. */
export interface PlatformStatus {
  id: string;
  name: string;
  /** What a reader sees: "Windows 7 - support ended January 14, 2020", else the name. */
  label: string;
  supportEnded: boolean;
  support?: PlatformSupport;
}

export function platformStatus(
  platform: { id: string; name: string; support?: PlatformSupport | undefined },
  today: string,
): PlatformStatus {
  const ended = supportHasEnded(platform.support, today);
  const status: PlatformStatus = {
    id: platform.id,
    name: platform.name,
    label:
      ended && platform.support
        ? `${platform.name} - support ended ${longDate(platform.support.ends)}`
        : platform.name,
    supportEnded: ended,
  };
  if (platform.support) status.support = platform.support;
  return status;
}
