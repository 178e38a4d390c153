import * as path from 'node:path';
import { todayIso } from '../engine/calendar';
import { lintFile, type LintResult } from '../engine/lint';
import { projectRoot } from '../engine/projectRoot';
import { RULE_METAS } from '../engine/rules/index';
import { buildTrackedTimeline, type TimelineData } from '../engine/timeline';
import { fileRole } from '../fileRoles';
import { writeFileAtomic, WriteError } from '../platform/atomicWrite';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import { displayText } from '../render/escape';
import { renderTimelineCsv } from '../render/timelineCsv';
import { renderTimelineHtml } from '../render/timelineHtml';
import { renderTimelineMermaid } from '../render/timelineMermaid';
import { renderTimelineSvg } from '../render/timelineSvg';
import { DEFAULT_ZOOM, isZoom, MIN_ZOOM_WIDTH, TIMELINE_ZOOMS, type TimelineZoom } from '../render/timelineZoom';
import { optionValue, parseArgs, UsageError } from './args';
import { palette } from './color';
import { checkedFormat, formatNames, formatOfExtension, formatsHelp, type FormatRegistry } from './formatRegistry';
import { stylish } from './formatters/stylish';
import { checkedAsOf, type CommandIO } from './lintCommand';
import { summarize } from './report';
import { VERSION } from './version';

const TIMELINE_OPTIONS = {
  format: { value: true },
  output: { value: true },
  'as-of': { value: true },
  theme: { value: true },
  zoom: { value: true },
  width: { value: true },
  help: {},
} as const;

/** Renders the timeline in one format; svg and html take a theme. */
type TimelineRenderer = (data: TimelineData, theme: 'light' | 'dark' | undefined, zoom: TimelineZoomOptions) => string;

/** How far the svg and html exports are zoomed. */
interface TimelineZoomOptions {
  zoom?: TimelineZoom;
  width?: number;
}

/** Timeline exports by name; `timeline --format` accepts exactly these and `--help` lists them. */
const TIMELINE_FORMATS = {
  mermaid: { render: (data) => renderTimelineMermaid(data), description: 'a Mermaid gantt chart, for Markdown', extensions: ['.mmd', '.mermaid'] },
  svg: { render: (data, theme, zoom) => renderTimelineSvg(data, { theme, ...zoom }), description: 'an SVG image', extensions: ['.svg'] },
  html: { render: (data, theme, zoom) => renderTimelineHtml(data, { theme, ...zoom }), description: 'a standalone page: the SVG, a summary and tables of phases and milestones', extensions: ['.html', '.htm'] },
  json: { render: (data) => `${JSON.stringify(data, null, 2)}\n`, description: 'the timeline data', extensions: ['.json'] },
  csv: { render: (data) => renderTimelineCsv(data), description: 'one row per phase and milestone, for spreadsheets', extensions: ['.csv'] },
} satisfies FormatRegistry<string, TimelineRenderer>;

export type TimelineFormat = keyof typeof TIMELINE_FORMATS;
const THEMED: readonly TimelineFormat[] = ['svg', 'html'];

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/**
 * The format: `--format`, else the `--output` file's extension, else mermaid. Mermaid is the
 * default because it reads well in a terminal and pastes straight into Markdown.
 */
function chosenFormat(format: string | undefined, output: string | undefined): TimelineFormat {
  if (format !== undefined) return checkedFormat(TIMELINE_FORMATS, format);
  if (output === undefined) return 'mermaid';
  const byExtension = formatOfExtension(TIMELINE_FORMATS, path.extname(output));
  if (!byExtension) throw new UsageError(`cannot tell the format from "${output}"; add --format ${formatNames(TIMELINE_FORMATS).join('|')}`);
  return byExtension;
}

function chosenTheme(theme: string | undefined, format: TimelineFormat): 'light' | 'dark' | undefined {
  if (theme === undefined) return undefined;
  if (!THEMED.includes(format)) throw new UsageError(`--theme applies to the svg and html formats, not ${format}`);
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`unknown theme "${theme}"; use light or dark`);
  return theme;
}

/** `--zoom` and `--width` of a drawing; either one alone means the other's default (fit, 1200 px). */
function chosenZoom(zoom: string | undefined, width: string | undefined, format: TimelineFormat): { zoom?: TimelineZoom; width?: number } {
  if (zoom === undefined && width === undefined) return {};
  const given = zoom !== undefined ? '--zoom' : '--width';
  if (!THEMED.includes(format)) throw new UsageError(`${given} applies to the svg and html formats, not ${format}`);
  if (zoom !== undefined && !isZoom(zoom)) throw new UsageError(`unknown zoom "${zoom}"; use one of ${TIMELINE_ZOOMS.join(', ')}`);
  if (width !== undefined && (!/^\d+$/.test(width) || Number(width) < MIN_ZOOM_WIDTH)) {
    throw new UsageError(`--width "${width}" is not a whole number of pixels of at least ${MIN_ZOOM_WIDTH}`);
  }
  return { zoom: zoom ?? DEFAULT_ZOOM, width: width === undefined ? undefined : Number(width) };
}

/** Refuses a path that is not named like a plan (a usage error: exit 2). */
export function checkPlanPath(display: string): void {
  if (fileRole(display) !== 'plan') throw new UsageError(`"${display}" is not a plan: plan files are named *.rollout.yaml or *.rollout.yml`);
}

/**
 * A plan that does not parse (broken YAML, an empty file) has nothing to export or compare:
 * its errors go to stderr and the command exits 1. Returns undefined when the plan parsed.
 */
export function refuseUnparsed(result: LintResult, display: string, io: CommandIO): number | undefined {
  if (result.plan) return undefined;
  const errors = result.findings.filter((f) => f.severity === 'error');
  io.stderr.write(stylish(summarize([{ path: result.path, display, findings: errors }]), { color: palette(false), rules: RULE_METAS, toolVersion: VERSION }));
  io.stderr.write(`crm-rollout: "${displayText(display)}" cannot be read as a plan; fix the errors above first\n`);
  return 1;
}

/** Lints a plan file from disk for an export or a diff. */
export function lintPlanFile(file: string, display: string, asOf: string | undefined, cwd: string): LintResult {
  checkPlanPath(display);
  const disk = new NodeFileSystem();
  const result = lintFile(file, { fs: disk, asOf, root: projectRoot(file, disk, { lastResort: cwd }) });
  if ('error' in result) throw new UsageError(result.error);
  return result;
}

export function renderTimeline(data: TimelineData, format: TimelineFormat, theme?: 'light' | 'dark', zoom: TimelineZoomOptions = {}): string {
  return TIMELINE_FORMATS[format].render(data, theme, zoom);
}

export function runTimeline(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, TIMELINE_OPTIONS);
  if (args.flags.has('help')) {
    io.stdout.write(TIMELINE_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) {
    throw new UsageError(args.positionals.length === 0 ? 'name the plan to export, for example: crm-rollout timeline plan.rollout.yaml' : `timeline exports one plan at a time, not ${args.positionals.length}`);
  }
  const output = optionValue(args, 'output');
  const format = chosenFormat(optionValue(args, 'format'), output);
  const theme = chosenTheme(optionValue(args, 'theme'), format);
  const zoom = chosenZoom(optionValue(args, 'zoom'), optionValue(args, 'width'), format);
  const asOf = checkedAsOf(optionValue(args, 'as-of'));
  const file = path.resolve(io.cwd, args.positionals[0]);
  const display = displayPath(io.cwd, file);
  const result = lintPlanFile(file, display, asOf, io.cwd);
  const refused = refuseUnparsed(result, display, io);
  if (refused !== undefined) return refused;
  const tracked = buildTrackedTimeline(result, asOf ?? todayIso());
  const data = { ...tracked, path: display, ...(tracked.ghost ? { ghost: { ...tracked.ghost, path: display } } : {}) };
  const rendered = renderTimeline(data, format, theme, zoom);
  if (output === undefined) {
    io.stdout.write(rendered);
  } else {
    try {
      writeFileAtomic(path.resolve(io.cwd, output), Buffer.from(rendered, 'utf8'), { shownAs: output });
    } catch (error) {
      if (error instanceof WriteError) throw new UsageError(error.message);
      throw error;
    }
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const shown = displayText(display);
  if (errors > 0) io.stderr.write(`crm-rollout: note: "${shown}" has ${errors === 1 ? '1 error' : `${errors} errors`}; run crm-rollout lint ${shown} to see them\n`);
  return 0;
}

const TIMELINE_HELP = `Usage: crm-rollout timeline [options] <plan.rollout.yaml>

Exports the scheduled plan: phases on their working calendars in wave lanes, milestones
and gates, dependencies (with type and lag), every critical chain, float, each wave's
go-live, checklist progress and findings per phase.

Options:
  --format <name>       one of the formats below; with --output and no --format, the
                        file's extension decides (${formatNames(TIMELINE_FORMATS).flatMap((name) => TIMELINE_FORMATS[name].extensions).join(' ')}):
${formatsHelp(TIMELINE_FORMATS, 'mermaid', 24)}
  --output <file>       write to this file instead of standard output
  --as-of <YYYY-MM-DD>  the date of the "as of" line (default: today); also runs the
                        date-sensitive rules whose findings show as badges, as lint does
  --theme <name>        light (default) or dark, for svg and html
  --zoom <level>        fit (the whole plan across --width), quarter, month or week
                        (about that much time across --width; the drawing grows wider),
                        for svg and html
  --width <px>          the width --zoom is for (default 1200, at least 320)
  --help                show this help

Exit codes: 0 exported, 1 the plan does not parse (its errors go to standard error),
2 bad invocation or unreadable path, 3 internal failure.
`;
