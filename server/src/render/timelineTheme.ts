/**
 * The timeline's colours. Every element of the SVG is styled by class only, so one stylesheet
 * decides how it looks: the exports embed a fixed light or dark palette, and the VS Code
 * webview uses the `vscode` palette, whose values are the editor's `--vscode-*` theme
 * variables (the webview injects `timelineCss('vscode')` itself; the SVG carries no style).
 */

export type TimelineTheme = 'light' | 'dark' | 'vscode';

/** The class of the root `<svg>`; every rule of the stylesheet is scoped under it. */
export const TIMELINE_ROOT_CLASS = 'crm-timeline';

interface Palette {
  font: string;
  background: string;
  text: string;
  muted: string;
  grid: string;
  nonWorking: string;
  holiday: string;
  laneBand: string;
  bar: string;
  critical: string;
  slack: string;
  dependency: string;
  milestone: string;
  milestoneFill: string;
  gate: string;
  today: string;
  goLive: string;
  error: string;
  warning: string;
  info: string;
  badgeText: string;
  focus: string;
}

const SYSTEM_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const PALETTES: Record<TimelineTheme, Palette> = {
  light: {
    font: SYSTEM_FONT,
    background: '#ffffff',
    text: '#1f2328',
    muted: '#59636e',
    grid: '#d1d9e0',
    nonWorking: '#eef1f4',
    holiday: '#fbe3e1',
    laneBand: '#f6f8fa',
    bar: '#2f6fd6',
    critical: '#c93c37',
    slack: '#59636e',
    dependency: '#818b98',
    milestone: '#1f2328',
    milestoneFill: '#ffffff',
    gate: '#8a4bd8',
    today: '#8a4bd8',
    goLive: '#1a7f37',
    error: '#cf222e',
    warning: '#9a6700',
    info: '#0969da',
    badgeText: '#ffffff',
    focus: '#0969da',
  },
  dark: {
    font: SYSTEM_FONT,
    background: '#1e1e1e',
    text: '#e6edf3',
    muted: '#9198a1',
    grid: '#3d444d',
    nonWorking: '#262a30',
    holiday: '#3d2528',
    laneBand: '#23272e',
    bar: '#4c8df0',
    critical: '#f0605a',
    slack: '#9198a1',
    dependency: '#7d8590',
    milestone: '#e6edf3',
    milestoneFill: '#1e1e1e',
    gate: '#b88af5',
    today: '#b88af5',
    goLive: '#3fb950',
    error: '#f85149',
    warning: '#d29922',
    info: '#4493f8',
    badgeText: '#0d1117',
    focus: '#4493f8',
  },
  vscode: {
    font: 'var(--vscode-font-family)',
    background: 'var(--vscode-editor-background)',
    text: 'var(--vscode-foreground)',
    muted: 'var(--vscode-descriptionForeground)',
    grid: 'var(--vscode-editorWidget-border, var(--vscode-panel-border))',
    nonWorking: 'var(--vscode-editor-inactiveSelectionBackground)',
    holiday: 'var(--vscode-diffEditor-removedLineBackground, var(--vscode-editor-inactiveSelectionBackground))',
    laneBand: 'var(--vscode-sideBar-background, var(--vscode-editor-background))',
    bar: 'var(--vscode-charts-blue)',
    critical: 'var(--vscode-charts-red)',
    slack: 'var(--vscode-descriptionForeground)',
    dependency: 'var(--vscode-descriptionForeground)',
    milestone: 'var(--vscode-foreground)',
    milestoneFill: 'var(--vscode-editor-background)',
    gate: 'var(--vscode-charts-purple)',
    today: 'var(--vscode-charts-purple)',
    goLive: 'var(--vscode-charts-green)',
    error: 'var(--vscode-editorError-foreground)',
    warning: 'var(--vscode-editorWarning-foreground)',
    info: 'var(--vscode-editorInfo-foreground)',
    badgeText: 'var(--vscode-editor-background)',
    focus: 'var(--vscode-focusBorder)',
  },
};

/**
 * The stylesheet for one theme, every selector scoped under `svg.crm-timeline`. Bars are the
 * phase colour at reduced opacity with the checklist's done share drawn solid on top, so the
 * same two colours (normal, critical) serve every palette.
 */
export function timelineCss(theme: TimelineTheme): string {
  const p = PALETTES[theme];
  const r = `svg.${TIMELINE_ROOT_CLASS}`;
  return [
    `${r} { font-family: ${p.font}; font-size: 12px; }`,
    `${r} text { fill: ${p.text}; }`,
    `${r} .background { fill: ${p.background}; }`,
    `${r} .title { font-size: 15px; font-weight: 600; }`,
    `${r} .subtitle, ${r} .axis-label, ${r} .empty { fill: ${p.muted}; }`,
    `${r} .axis-label { font-size: 11px; }`,
    `${r} .month-label { font-weight: 600; }`,
    `${r} .month-line { stroke: ${p.grid}; stroke-width: 1; }`,
    `${r} .week-line { stroke: ${p.grid}; stroke-width: 1; stroke-dasharray: 2 3; }`,
    `${r} .nonworking { fill: ${p.nonWorking}; }`,
    `${r} .holiday { fill: ${p.holiday}; }`,
    `${r} .lane-band { fill: ${p.laneBand}; }`,
    `${r} .lane-label { font-weight: 600; }`,
    `${r} .row-label { fill: ${p.text}; }`,
    `${r} .milestone-row-label { fill: ${p.muted}; font-style: italic; }`,
    `${r} .bar { fill: ${p.bar}; fill-opacity: 0.4; stroke: ${p.bar}; stroke-width: 1; }`,
    `${r} .progress { fill: ${p.bar}; }`,
    `${r} .critical .bar { fill: ${p.critical}; stroke: ${p.critical}; stroke-width: 2; }`,
    `${r} .critical .progress { fill: ${p.critical}; }`,
    `${r} .bar-label { font-size: 11px; font-weight: 600; }`,
    `${r} .slack { stroke: ${p.slack}; stroke-width: 1.5; }`,
    `${r} .dependency { fill: none; stroke: ${p.dependency}; stroke-width: 1.2; }`,
    `${r} .dependency.critical { stroke: ${p.critical}; stroke-width: 1.8; }`,
    `${r} .dependency-label { fill: ${p.muted}; stroke: none; font-size: 10px; }`,
    `${r} .arrowhead { fill: ${p.dependency}; }`,
    `${r} .arrowhead.critical { fill: ${p.critical}; }`,
    `${r} .ghost { fill: ${p.muted}; fill-opacity: 0.18; stroke: ${p.muted}; stroke-width: 1; stroke-dasharray: 3 2; }`,
    `${r} .slip { font-size: 10px; font-weight: 700; }`,
    `${r} .slip.late { fill: ${p.critical}; }`,
    `${r} .slip.early { fill: ${p.goLive}; }`,
    `${r} .diamond { fill: ${p.milestoneFill}; stroke: ${p.milestone}; stroke-width: 1.5; }`,
    `${r} .achieved .diamond { fill: ${p.milestone}; }`,
    `${r} .overdue .diamond { stroke: ${p.critical}; stroke-width: 2; }`,
    `${r} .overdue-mark { fill: ${p.critical}; font-size: 12px; font-weight: 700; }`,
    `${r} .achieved-mark { fill: ${p.goLive}; font-size: 12px; font-weight: 700; }`,
    `${r} .gate .diamond { fill: ${p.gate}; stroke: ${p.gate}; }`,
    `${r} .gate .gate-ring { fill: none; stroke: ${p.gate}; stroke-width: 1; }`,
    `${r} .milestone-label { font-size: 11px; }`,
    `${r} .today { stroke: ${p.today}; stroke-width: 2; }`,
    `${r} .today-label { fill: ${p.today}; font-size: 11px; font-weight: 600; }`,
    `${r} .go-live { stroke: ${p.goLive}; stroke-width: 2; stroke-dasharray: 6 3; }`,
    `${r} .go-live-label { fill: ${p.goLive}; font-size: 11px; font-weight: 600; }`,
    `${r} .badge circle { stroke: none; }`,
    `${r} .badge-error circle { fill: ${p.error}; }`,
    `${r} .badge-warning circle { fill: ${p.warning}; }`,
    `${r} .badge-info circle { fill: ${p.info}; }`,
    `${r} .badge text { fill: ${p.badgeText}; font-size: 10px; font-weight: 700; }`,
    `${r} [tabindex]:focus { outline: none; }`,
    `${r} [tabindex]:focus-visible .bar, ${r} [tabindex]:focus-visible .diamond { stroke: ${p.focus}; stroke-width: 3; }`,
  ].join('\n');
}
