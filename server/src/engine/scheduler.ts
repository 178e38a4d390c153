import type { Plan } from './model';
import type { Schedule } from './schedule';

export function buildSchedule(_plan: Plan): Schedule {
  throw new Error('not implemented yet');
}
