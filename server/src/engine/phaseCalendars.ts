import { WorkCalendar } from './calendar';
import type { NamedCalendar, Phase, Plan } from './model';
import type { PhaseCalendar } from './schedule';

/**
 * The calendars of a plan (plan-format.md, "Calendars"): the plan's own, every named calendar
 * built on top of it (holidays and extra working days add, workdays replace), and which one
 * each phase is counted on: its `calendar:`, else its wave's `calendar`, else the plan's.
 * An id that names no calendar falls through to the next choice (`known-references` reports it).
 */
export interface PlanCalendars {
  plan: PhaseCalendar;
  named: Map<string, PhaseCalendar>;
  of(phase: Phase): PhaseCalendar;
}

export function planCalendars(plan: Plan): PlanCalendars {
  const holidays = [...plan.calendar.holidays, ...plan.importedHolidays].map((h) => h.day);
  const extra = plan.calendar.extraWorkingDays.map((d) => d.day);
  const planCalendar: PhaseCalendar = {
    work: new WorkCalendar(plan.calendar.workdays, holidays, extra),
    label: 'plan calendar',
    via: 'plan',
  };
  const named = new Map<string, PhaseCalendar>();
  const declare = (c: NamedCalendar) => {
    if (named.has(c.id)) return;
    const work = new WorkCalendar(
      c.workdays ?? plan.calendar.workdays,
      [...holidays, ...c.holidays.map((h) => h.day)],
      [...extra, ...c.extraWorkingDays.map((d) => d.day)],
    );
    named.set(c.id, { work, id: c.id, label: c.name?.value ?? c.id, via: 'phase' });
  };
  plan.calendars.forEach(declare);
  plan.importedCalendars.forEach(declare);

  const waveCalendar = new Map<number, PhaseCalendar>();
  for (const wave of plan.waves) {
    const calendar = wave.calendar && named.get(wave.calendar.value);
    if (calendar && !waveCalendar.has(wave.wave.value)) waveCalendar.set(wave.wave.value, { ...calendar, via: 'wave' });
  }

  return {
    plan: planCalendar,
    named,
    of(phase) {
      const own = phase.calendar && named.get(phase.calendar.value);
      if (own) return own;
      const ofWave = phase.wave && waveCalendar.get(phase.wave.value);
      return ofWave || planCalendar;
    },
  };
}
