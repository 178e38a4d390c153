/**
 * Builders of the small "Pilot" plans that rule test tables repeat, so that a case's plan and
 * its expected output are written as what they are about, not as two copies of a header.
 * Each returns exactly the text it was built from, line for line: ranges stay as written.
 */

/** `plan: 1`, `name: Pilot`, any further top-level lines (`head`), then `phases:` and `phases`. */
export function pilotPlan(phases: string, head = ''): string {
  return `plan: 1\nname: Pilot\n${head}phases:\n${phases}`;
}

/** pilotPlan whose first phase is planning phase "a", with `body` (its further keys, indented four spaces). */
export function pilotPhaseA(body: string, head = ''): string {
  return pilotPlan(`  - id: a\n    name: A\n    kind: planning\n${body}`, head);
}
