/**
 * Pure date arithmetic on ISO calendar dates. A date is a day number (days since 1970-01-01),
 * never a JS Date, so time zones and YAML 1.1 timestamps cannot shift it.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const DEFAULT_WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Day number of an ISO `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function dayFromIso(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

export function isoFromDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Weekday of a day number; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7];
}

/** Adds calendar months, clamping the day to the month's length (2027-01-31 + 1 month = 2027-02-28). */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

const DURATION = /^([1-9]\d{0,4})([dw])$/;

/** Working days in a duration such as `10d` or `4w` (a week is five working days). */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] === 'w' ? n * 5 : n;
}

/** Working days as a duration: in weeks when whole weeks (`4w`), else in days (`18d`); the inverse of parseDuration. */
export function durationText(workingDays: number): string {
  return workingDays % 5 === 0 ? `${workingDays / 5}w` : `${workingDays}d`;
}

/** Today's date in the local time zone, as a plan author reads their wall calendar. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Whole calendar months from `from` to `to`: the largest k with `addMonths(from, k) <= to`
 * (negative when `to` is before `from`). 2027-01-31 to 2027-02-28 is one month, because
 * adding a month to the 31st clamps to the month's last day.
 */
export function calendarMonthsBetween(from: number, to: number): number {
  const [fy, fm] = civilFromDays(from);
  const [ty, tm] = civilFromDays(to);
  const k = (ty - fy) * 12 + (tm - fm);
  return addMonths(from, k) <= to ? k : k - 1;
}

/** Index of the first element of a sorted array that is >= value. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A working calendar: which weekdays are worked, which dates are holidays and which dates are
 * worked anyway (`extra_working_days`: a weekend cutover, a holiday worked). An extra working
 * day wins over a holiday on the same date.
 *
 * Every query is answered by counting (weekday arithmetic plus binary searches over the sorted
 * exceptions), never by walking day by day, so a `99999w` duration or a decade of holidays costs
 * the same as `1d`: the scheduler calls these on every keystroke for thousands of phases.
 */
export class WorkCalendar {
  private readonly workdays: Set<Weekday>;
  private readonly holidays: Set<number>;
  private readonly extraWorkingDays: Set<number>;
  /** Workdays that are not worked (holidays on a workday, not extra), sorted: each removes a working day. */
  private readonly removedDays: number[];
  /** Days off by weekday that are worked (extra working days), sorted: each adds a working day. */
  private readonly addedDays: number[];
  /** Workdays among the first r days of a 7-day block that starts at a day number divisible by 7. */
  private readonly prefix: number[];
  private readonly perWeek: number;

  constructor(workdays: readonly Weekday[] = DEFAULT_WORKDAYS, holidays: Iterable<number> = [], extraWorkingDays: Iterable<number> = []) {
    // A calendar with no working weekday would never finish a phase; fall back to the default.
    this.workdays = new Set(workdays.length > 0 ? workdays : DEFAULT_WORKDAYS);
    this.holidays = new Set(holidays);
    this.extraWorkingDays = new Set(extraWorkingDays);
    this.removedDays = [...this.holidays]
      .filter((h) => this.workdays.has(weekdayOf(h)) && !this.extraWorkingDays.has(h))
      .sort((a, b) => a - b);
    this.addedDays = [...this.extraWorkingDays].filter((d) => !this.workdays.has(weekdayOf(d))).sort((a, b) => a - b);
    this.prefix = [0];
    for (let r = 0; r < 7; r++) this.prefix.push(this.prefix[r] + (this.workdays.has(weekdayOf(r)) ? 1 : 0));
    this.perWeek = this.prefix[7];
  }

  isWorkingDay(day: number): boolean {
    if (this.extraWorkingDays.has(day)) return true;
    return this.workdays.has(weekdayOf(day)) && !this.holidays.has(day);
  }

  isHoliday(day: number): boolean {
    return this.holidays.has(day);
  }

  /** True when the day is worked only because it is listed in `extra_working_days`. */
  isExtraWorkingDay(day: number): boolean {
    return this.extraWorkingDays.has(day) && !(this.workdays.has(weekdayOf(day)) && !this.holidays.has(day));
  }

  /** Workdays (ignoring holidays) among the days before `day`, counted from an arbitrary origin. */
  private workdaysBefore(day: number): number {
    const weeks = Math.floor(day / 7);
    return weeks * this.perWeek + this.prefix[day - weeks * 7];
  }

  /** Working days in [from, to], both inclusive; 0 when to < from. */
  workingDaysBetween(from: number, to: number): number {
    if (to < from) return 0;
    const removed = lowerBound(this.removedDays, to + 1) - lowerBound(this.removedDays, from);
    const added = lowerBound(this.addedDays, to + 1) - lowerBound(this.addedDays, from);
    return this.workdaysBefore(to + 1) - this.workdaysBefore(from) - removed + added;
  }

  /**
   * The `n`-th working day strictly after `day` (n > 0), strictly before it (n < 0), or `day`
   * itself (n = 0). Found by binary search over a window that surely holds n working days:
   * enough whole weeks for n plus every holiday, since each holiday removes at most one (extra
   * working days only bring the n-th day closer).
   */
  addWorkingDays(day: number, n: number): number {
    if (n === 0) return day;
    const count = Math.abs(n);
    const reach = 7 * (Math.ceil((count + this.removedDays.length) / this.perWeek) + 1);
    if (n > 0) {
      let lo = day + 1;
      let hi = day + reach;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.workingDaysBetween(day + 1, mid) >= count) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
    let lo = day - reach;
    let hi = day - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.workingDaysBetween(mid, day - 1) >= count) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The day itself if it is a working day, else the next working day. */
  onOrAfter(day: number): number {
    return this.addWorkingDays(day - 1, 1);
  }

  /** The first working day strictly after `day`. */
  nextAfter(day: number): number {
    return this.addWorkingDays(day, 1);
  }

  /** The last working day strictly before `day`. */
  previousBefore(day: number): number {
    return this.addWorkingDays(day, -1);
  }

  /** Last day occupied by `workingDays` working days starting on or after `start` (ends are inclusive). */
  endOf(start: number, workingDays: number): number {
    return this.addWorkingDays(start - 1, Math.max(1, workingDays));
  }

  /**
   * First day of `workingDays` working days that end on or before `end`: the inverse of
   * `endOf`, used to place a phase that gives only its `end` and `duration`.
   */
  startOf(end: number, workingDays: number): number {
    return this.addWorkingDays(end + 1, -Math.max(1, workingDays));
  }
}
