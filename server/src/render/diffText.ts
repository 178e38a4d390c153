import { CHANGE_SEVERITIES, type ChangeSeverity, type PlanDiff } from '../engine/diff/index';
import type { TimelineData } from '../engine/timeline';
import { displayText, escapeMarkdown } from './escape';
import { renderTimelineMermaid } from './timelineMermaid';
import { findingsText } from './timelineText';

/**
 * The plan diff for people: plain text for terminals and CI logs (values through `displayText`),
 * Markdown for PR comments (through `escapeMarkdown`).
 */

/** `2 breaking, 1 warning, 4 info`. */
function diffCountsText(diff: PlanDiff): string {
  const { breaking, warning, info } = diff.counts;
  return `${breaking} breaking, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info`;
}

/**
 * Every wave's go-live on both sides, `wave 1 "France" 2027-05-19 → 2027-05-21`, when the plan
 * has waves (more than one go-live, or a go-live with a wave number); empty otherwise, since the
 * summary's single go-live then says it all.
 */
function waveGoLiveRows(diff: PlanDiff): [string, string, string][] {
  const { base, head } = diff;
  const all = [...head.goLives, ...base.goLives];
  if (all.length <= 2 && all.every((g) => g.wave === undefined)) return [];
  const waves = [...new Set(all.map((g) => g.wave))].sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
  return waves.map((wave) => {
    const was = base.goLives.find((g) => g.wave === wave);
    const now = head.goLives.find((g) => g.wave === wave);
    const name = now?.name ?? was?.name;
    const label = wave === undefined ? 'no wave' : name ? `wave ${wave} "${name}"` : `wave ${wave}`;
    return [label, was?.date ?? 'none', now?.date ?? 'none'];
  });
}

function arrow<T>(before: T, after: T, show: (v: T) => string): string {
  const [b, a] = [show(before), show(after)];
  return b === a ? b : `${b} → ${a}`;
}

interface DiffTextOptions {
  /** Colours a severity heading (the CLI passes ANSI colours on a terminal). */
  paint?: (severity: ChangeSeverity, text: string) => string;
}

export function renderDiffText(diff: PlanDiff, options: DiffTextOptions = {}): string {
  const paint = options.paint ?? ((_s: ChangeSeverity, t: string) => t);
  const { base, head } = diff;
  const lines = [`diff ${displayText(base.path)} → ${displayText(head.path)}`];
  const date = (v: string | undefined) => v ?? 'none';
  lines.push(
    `go-live ${arrow(base.goLive, head.goLive, date)} · start ${arrow(base.start, head.start, date)} · end ${arrow(base.end, head.end, date)} · ${arrow(base.workingDays, head.workingDays, (v) => String(v ?? 0))} working days`,
  );
  const waves = waveGoLiveRows(diff);
  if (waves.length > 0) lines.push(`go-lives ${waves.map(([label, before, after]) => `${label} ${arrow(before, after, (v) => v)}`).join(' · ')}`);
  if (diff.changes.length === 0) {
    lines.push('no semantic changes');
    return `${lines.join('\n')}\n`;
  }
  lines.push(diffCountsText(diff));
  for (const severity of CHANGE_SEVERITIES) {
    const changes = diff.changes.filter((c) => c.severity === severity);
    if (changes.length === 0) continue;
    lines.push('', paint(severity, severity));
    for (const c of changes) lines.push(`  ${displayText(c.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Markdown for a pull-request comment: summary counts, a before/after table of the key dates,
 * a table of changes by severity, and both timelines as Mermaid Gantt charts. Every text from
 * a plan is escaped (`escapeMarkdown`; Mermaid names by `escapeMermaid`).
 */
export function renderDiffMarkdown(diff: PlanDiff, base: TimelineData, head: TimelineData): string {
  const md = escapeMarkdown;
  const out = [`### Plan diff: ${md(head.name)}`, '', `${md(diff.base.path)} → ${md(diff.head.path)}`, ''];
  const { breaking, warning, info } = diff.counts;
  out.push(diff.changes.length === 0 ? 'No semantic changes.' : `**${breaking} breaking**, **${warning} warning${warning === 1 ? '' : 's'}**, ${info} info`, '');
  out.push(row(['', 'before', 'after']), row(['---', '---', '---']));
  const facts: [string, string, string][] = [
    ['go-live', diff.base.goLive ?? 'none', diff.head.goLive ?? 'none'],
    ...waveGoLiveRows(diff).map(([label, before, after]): [string, string, string] => [`go-live ${label}`, before, after]),
    ['start', diff.base.start ?? 'none', diff.head.start ?? 'none'],
    ['end', diff.base.end ?? 'none', diff.head.end ?? 'none'],
    ['working days', String(diff.base.workingDays ?? 0), String(diff.head.workingDays ?? 0)],
    // One chain per line of the cell, so tied chains are each readable from start to end.
    ['critical path', diff.base.criticalChains.join('; ') || 'none', diff.head.criticalChains.join('; ') || 'none'],
    ['findings', findingsText(diff.base.findings) || 'none', findingsText(diff.head.findings) || 'none'],
  ];
  for (const [label, before, after] of facts) out.push(row([label, md(before), md(after)]));
  if (diff.changes.length > 0) {
    out.push('', '#### Changes', '', row(['severity', 'change', 'key']), row(['---', '---', '---']));
    for (const c of diff.changes) out.push(row([c.severity === 'breaking' ? '**breaking**' : c.severity, md(c.message), md(c.key)]));
  }
  out.push('', '#### Timeline before', '', '```mermaid', renderTimelineMermaid(base).trimEnd(), '```');
  out.push('', '#### Timeline after', '', '```mermaid', renderTimelineMermaid(head).trimEnd(), '```', '');
  return out.join('\n');
}
