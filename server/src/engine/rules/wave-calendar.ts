import type { Wave } from '../model';
import type { Rule } from './types';

/** A wave's teams as one comparable key: the ids, sorted and deduplicated. */
function teamsKey(wave: Wave): string {
  return [...new Set(wave.teams.map((t) => t.value))].sort().join('\n');
}

/**
 * In a plan whose waves bring different teams live (at least two waves declare `teams`, and
 * not all the same ones), each wave declares a `calendar`: teams in different countries keep
 * different public holidays, and a wave counted on the plan's calendar plans work on them.
 * Reported at the wave's number. No fix: which calendar a wave uses is for a person to say.
 */
export const waveCalendar: Rule = {
  meta: {
    id: 'wave-calendar',
    category: 'lifecycle',
    defaultSeverity: 'info',
    description: 'in a plan whose waves declare different teams, each wave declares a calendar (country holidays differ)',
    messages: {
      missing:
        'wave {{wave}}{{name}} declares no calendar, although the waves bring different teams live; give it a calendar with the holidays of the country its teams work in (calendars:, then calendar: on the wave)',
    },
  },
  check({ plan, report }) {
    const withTeams = plan.waves.filter((w) => w.teams.length > 0);
    if (withTeams.length < 2 || new Set(withTeams.map(teamsKey)).size < 2) return;
    for (const wave of plan.waves) {
      if (wave.calendar) continue;
      report({ messageId: 'missing', data: { wave: wave.wave.value, name: wave.name ? ` (${wave.name.value})` : '' }, node: wave.wave.node });
    }
  },
};
