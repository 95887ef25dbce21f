/** Thai fiscal years: FY N (B.E.) runs 1 Oct N−1 … 30 Sep N, so FY 2566 = 2022-10-01 … 2023-09-30. */
import { beToCe, ceToBe, compareIso, isoDate, parseIso, daysInMonth, type IsoDate } from './calendar';

const FIRST_MONTH = 10;

export function fiscalYearOf(iso: IsoDate): number {
  const { y, m } = parseIso(iso);
  return ceToBe(y) + (m >= FIRST_MONTH ? 1 : 0);
}

/** The bounds of the fiscal years asked for: reports ask per row, about the same year or two. */
const yearBounds = new Map<number, { start: IsoDate; end: IsoDate }>();

function boundsOf(fy: number): { start: IsoDate; end: IsoDate } {
  let bounds = yearBounds.get(fy);
  if (bounds === undefined) {
    bounds = { start: isoDate(beToCe(fy) - 1, FIRST_MONTH, 1), end: isoDate(beToCe(fy), 9, 30) };
    if (yearBounds.size < 1000) yearBounds.set(fy, bounds);
  }
  return bounds;
}

export function fiscalYearStart(fy: number): IsoDate {
  return boundsOf(fy).start;
}

export function fiscalYearEnd(fy: number): IsoDate {
  return boundsOf(fy).end;
}

/** Every fiscal year the span start…end touches; [] when end is before start. */
export function fiscalYearsBetween(start: IsoDate, end: IsoDate): number[] {
  if (compareIso(start, end) > 0) return [];
  const years: number[] = [];
  for (let fy = fiscalYearOf(start); fy <= fiscalYearOf(end); fy++) years.push(fy);
  return years;
}

/** Calendar year (B.E.) of month m within fiscal year fy: Oct–Dec belong to the year before. */
export function beYearOfMonthInFiscalYear(fy: number, m: number): number {
  return m >= FIRST_MONTH ? fy - 1 : fy;
}

/** Quarter q (1–4) of fiscal year fy: 1 = Oct–Dec of the year before, 2 = Jan–Mar, … */
export function fiscalQuarterWindow(fy: number, q: 1 | 2 | 3 | 4): { start: IsoDate; end: IsoDate } {
  const firstMonth = ((FIRST_MONTH - 1 + (q - 1) * 3) % 12) + 1;
  const lastMonth = firstMonth + 2;
  const y = beToCe(beYearOfMonthInFiscalYear(fy, firstMonth));
  return { start: isoDate(y, firstMonth, 1), end: isoDate(y, lastMonth, daysInMonth(y, lastMonth)) };
}

/** Reporting round: 6 months = 1 Oct … 31 Mar, 12 months = the whole fiscal year. */
export function roundWindow(fy: number, months: 6 | 12): { start: IsoDate; end: IsoDate } {
  const end = months === 6 ? isoDate(beToCe(fy), 3, 31) : fiscalYearEnd(fy);
  return { start: fiscalYearStart(fy), end };
}
