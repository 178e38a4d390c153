import { describe, expect, it } from 'vitest';
import {
  addMonths,
  calendarMonthsBetween,
  dayFromIso,
  isoFromDay,
  parseDuration,
  weekdayOf,
  WorkCalendar,
  type Weekday,
} from '../../server/src/engine/calendar';

/** Day number of a date the test knows is valid. */
function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

const SUN_THU: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];

describe('dayFromIso', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    // 57 years of 365 days plus the 14 leap days 1972..2024.
    expect(dayFromIso('2027-01-01')).toBe(57 * 365 + 14);
  });

  it('rejects 2027-02-29 because 2027 is not a leap year', () => {
    expect(dayFromIso('2027-02-29')).toBeUndefined();
  });

  it('accepts 2028-02-29 because 2028 is a leap year', () => {
    expect(dayFromIso('2028-02-29')).toBe(day('2028-02-28') + 1);
  });

  it('applies the century rule: 2100-02-29 is not a date, 2000-02-29 is', () => {
    expect(dayFromIso('2100-02-29')).toBeUndefined();
    expect(dayFromIso('2000-02-29')).toBe(day('2000-03-01') - 1);
  });

  it('rejects text that is not YYYY-MM-DD or names no real day', () => {
    for (const text of ['2027-1-11', '2027-13-01', '2027-04-31', '2027-00-10', '11/01/2027', '2027-01-11T00:00', '']) {
      expect(dayFromIso(text), text).toBeUndefined();
    }
  });

  it('round-trips through isoFromDay', () => {
    for (const iso of ['1969-12-31', '2027-01-11', '2028-02-29', '2099-12-31']) expect(isoFromDay(day(iso))).toBe(iso);
  });
});

describe('weekdayOf', () => {
  it('names the weekday of a day number', () => {
    expect(weekdayOf(0)).toBe('thu'); // 1970-01-01
    expect(weekdayOf(day('2027-01-01'))).toBe('fri');
    expect(weekdayOf(day('2027-01-11'))).toBe('mon');
    expect(weekdayOf(day('2028-02-29'))).toBe('tue');
    expect(weekdayOf(day('1969-12-28'))).toBe('sun');
  });
});

describe('parseDuration', () => {
  it('reads days and five-day weeks as working days', () => {
    expect(parseDuration('1d')).toBe(1);
    expect(parseDuration('10d')).toBe(10);
    expect(parseDuration('4w')).toBe(20);
  });

  it('rejects zero, fractions, other units and bare numbers', () => {
    for (const text of ['0d', '0w', '1.5w', '3m', '10', 'd', '-2d', '04d']) expect(parseDuration(text), text).toBeUndefined();
  });
});

describe('addMonths and calendarMonthsBetween', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(isoFromDay(addMonths(day('2027-01-31'), 1))).toBe('2027-02-28');
    expect(isoFromDay(addMonths(day('2028-01-31'), 1))).toBe('2028-02-29');
  });

  it('counts whole calendar months, a month being complete on the same day-of-month', () => {
    expect(calendarMonthsBetween(day('2027-01-11'), day('2027-04-10'))).toBe(2);
    expect(calendarMonthsBetween(day('2027-01-11'), day('2027-04-11'))).toBe(3);
    expect(calendarMonthsBetween(day('2027-01-31'), day('2027-02-28'))).toBe(1);
    expect(calendarMonthsBetween(day('2027-01-11'), day('2028-01-11'))).toBe(12);
    expect(calendarMonthsBetween(day('2027-01-11'), day('2027-01-11'))).toBe(0);
  });

  it('is negative when the second date comes first', () => {
    expect(calendarMonthsBetween(day('2027-04-11'), day('2027-01-11'))).toBe(-3);
    expect(calendarMonthsBetween(day('2027-04-11'), day('2027-01-12'))).toBe(-3);
  });
});

describe('WorkCalendar', () => {
  const weekdays = new WorkCalendar();
  // 2027-05-31 is a Monday holiday; 2027-06-05 is a Saturday, so a holiday there removes nothing.
  const withHolidays = new WorkCalendar(undefined, [day('2027-05-31'), day('2027-06-05')]);

  it('works monday to friday by default and skips holidays', () => {
    expect(weekdays.isWorkingDay(day('2027-01-08'))).toBe(true); // Fri
    expect(weekdays.isWorkingDay(day('2027-01-09'))).toBe(false); // Sat
    expect(weekdays.isWorkingDay(day('2027-01-10'))).toBe(false); // Sun
    expect(withHolidays.isWorkingDay(day('2027-05-31'))).toBe(false);
    expect(withHolidays.isHoliday(day('2027-05-31'))).toBe(true);
    expect(withHolidays.isHoliday(day('2027-06-01'))).toBe(false);
  });

  it('falls back to monday to friday when no workday is listed', () => {
    const empty = new WorkCalendar([]);
    expect(empty.isWorkingDay(day('2027-01-11'))).toBe(true);
    expect(empty.isWorkingDay(day('2027-01-09'))).toBe(false);
  });

  it('moves to the next or previous working day over weekends and holidays', () => {
    expect(isoFromDay(weekdays.onOrAfter(day('2027-01-11')))).toBe('2027-01-11');
    expect(isoFromDay(weekdays.onOrAfter(day('2027-01-09')))).toBe('2027-01-11');
    expect(isoFromDay(weekdays.nextAfter(day('2027-01-08')))).toBe('2027-01-11');
    expect(isoFromDay(weekdays.previousBefore(day('2027-01-11')))).toBe('2027-01-08');
    // Fri 28 May, then Sat, Sun and the Monday holiday: the next working day is Tue 1 June.
    expect(isoFromDay(withHolidays.nextAfter(day('2027-05-28')))).toBe('2027-06-01');
    expect(isoFromDay(withHolidays.previousBefore(day('2027-06-01')))).toBe('2027-05-28');
  });

  it('ends 4w started on a monday on the friday three weeks later', () => {
    expect(isoFromDay(weekdays.endOf(day('2027-01-11'), 20))).toBe('2027-02-05');
  });

  it('ends 1d on its start', () => {
    expect(isoFromDay(weekdays.endOf(day('2027-01-13'), 1))).toBe('2027-01-13');
  });

  it('starts counting on the first working day when the start is a weekend', () => {
    expect(isoFromDay(weekdays.endOf(day('2027-01-09'), 1))).toBe('2027-01-11');
    expect(isoFromDay(weekdays.endOf(day('2027-01-09'), 5))).toBe('2027-01-15');
  });

  it('spans a weekend and a holiday inside a duration', () => {
    // 5d from Wed 26 May: 26, 27, 28, (weekend, Mon 31 holiday), 1 June, 2 June.
    expect(isoFromDay(withHolidays.endOf(day('2027-05-26'), 5))).toBe('2027-06-02');
    // Without the holiday the fifth day is Tue 1 June.
    expect(isoFromDay(weekdays.endOf(day('2027-05-26'), 5))).toBe('2027-06-01');
  });

  it('skips a long run of holidays', () => {
    // Every day of February 2027 is a holiday: 2d from Fri 29 Jan are the 29th and Mon 1 March.
    const february = Array.from({ length: 28 }, (_, i) => day('2027-02-01') + i);
    const closed = new WorkCalendar(undefined, february);
    expect(isoFromDay(closed.endOf(day('2027-01-29'), 2))).toBe('2027-03-01');
    expect(isoFromDay(closed.previousBefore(day('2027-03-01')))).toBe('2027-01-29');
  });

  it('counts in custom workdays such as sunday to thursday', () => {
    const sunThu = new WorkCalendar(SUN_THU);
    expect(sunThu.isWorkingDay(day('2027-01-08'))).toBe(false); // Fri
    expect(sunThu.isWorkingDay(day('2027-01-10'))).toBe(true); // Sun
    // 2d from Thu 7 Jan: Thu 7, then Sun 10 (Fri and Sat are the weekend).
    expect(isoFromDay(sunThu.endOf(day('2027-01-07'), 2))).toBe('2027-01-10');
    // 4w from Sun 10 Jan ends on the Thursday three weeks later.
    expect(isoFromDay(sunThu.endOf(day('2027-01-10'), 20))).toBe('2027-02-04');
    expect(sunThu.workingDaysBetween(day('2027-01-08'), day('2027-01-16'))).toBe(5); // Sun 10 .. Thu 14
  });

  it('counts working days between two dates, both inclusive', () => {
    expect(weekdays.workingDaysBetween(day('2027-01-11'), day('2027-02-05'))).toBe(20);
    expect(weekdays.workingDaysBetween(day('2027-01-11'), day('2027-01-11'))).toBe(1);
    expect(weekdays.workingDaysBetween(day('2027-01-09'), day('2027-01-10'))).toBe(0); // a weekend
    expect(weekdays.workingDaysBetween(day('2027-01-12'), day('2027-01-11'))).toBe(0); // reversed
    // May 24 .. June 6 holds ten weekdays; the Monday holiday removes one, the Saturday one nothing.
    expect(withHolidays.workingDaysBetween(day('2027-05-24'), day('2027-06-06'))).toBe(9);
  });

  it('moves by a signed number of working days', () => {
    expect(isoFromDay(weekdays.addWorkingDays(day('2027-01-08'), 0))).toBe('2027-01-08');
    expect(isoFromDay(weekdays.addWorkingDays(day('2027-01-08'), 1))).toBe('2027-01-11');
    expect(isoFromDay(weekdays.addWorkingDays(day('2027-01-11'), 5))).toBe('2027-01-18');
    expect(isoFromDay(weekdays.addWorkingDays(day('2027-01-11'), -5))).toBe('2027-01-04');
    expect(isoFromDay(withHolidays.addWorkingDays(day('2027-05-28'), 2))).toBe('2027-06-02');
    expect(isoFromDay(withHolidays.addWorkingDays(day('2027-06-02'), -2))).toBe('2027-05-28');
  });

  it('finds the start of a duration that ends on a given day (the inverse of endOf)', () => {
    expect(isoFromDay(weekdays.startOf(day('2027-02-05'), 20))).toBe('2027-01-11');
    expect(isoFromDay(withHolidays.startOf(day('2027-06-02'), 5))).toBe('2027-05-26');
    expect(isoFromDay(weekdays.startOf(day('2027-01-13'), 1))).toBe('2027-01-13');
  });

  it('resolves the longest duration the format allows exactly', () => {
    // 99999w is 499,995 working days: 99,999 whole weeks from a Monday end on the Friday
    // 99,998 weeks and four days later.
    const start = day('2027-01-11');
    const end = weekdays.endOf(start, 99999 * 5);
    expect(end).toBe(start + 99998 * 7 + 4);
    expect(weekdays.workingDaysBetween(start, end)).toBe(499995);
  });
});
