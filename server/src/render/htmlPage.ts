import { escapeXml } from './escape';

/**
 * The frame of every standalone HTML page the tool writes (the timeline export, the status
 * report): the head with its Content-Security-Policy, the palette and the CSS the pages share.
 * Nothing is loaded from anywhere and nothing runs: by default the policy is
 * `default-src 'none'; style-src 'unsafe-inline'`, so even a plan text that escaped escaping
 * could neither run a script nor fetch a resource. Styles are inline `<style>` elements.
 */

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

type PageTheme = 'light' | 'dark' | 'vscode';

interface PageColours {
  background: string;
  text: string;
  muted: string;
  border: string;
  stripe: string;
}

export const PAGE_COLOURS: Record<PageTheme, PageColours> = {
  light: { background: '#ffffff', text: '#1f2328', muted: '#59636e', border: '#d1d9e0', stripe: '#f6f8fa' },
  dark: { background: '#1e1e1e', text: '#e6edf3', muted: '#9198a1', border: '#3d444d', stripe: '#23272e' },
  vscode: {
    background: 'var(--vscode-editor-background)',
    text: 'var(--vscode-editor-foreground)',
    muted: 'var(--vscode-descriptionForeground)',
    border: 'var(--vscode-panel-border, #8884)',
    stripe: 'var(--vscode-list-hoverBackground, transparent)',
  },
};

/**
 * The rules both pages share: the colour scheme (a `vscode` page follows the editor's), the
 * body and the striped tables with right-aligned numbers. Each page adds its own rules after.
 */
export function basePageCss(theme: PageTheme): string[] {
  const c = PAGE_COLOURS[theme];
  return [
    theme === 'vscode' ? '' : `:root { color-scheme: ${theme}; }`,
    `body { margin: 24px; background: ${c.background}; color: ${c.text}; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }`,
    'table { border-collapse: collapse; font-size: 13px; }',
    `th, td { border: 1px solid ${c.border}; padding: 4px 8px; text-align: left; vertical-align: top; }`,
    `tbody tr:nth-child(even) { background: ${c.stripe}; }`,
    'td.num { text-align: right; font-variant-numeric: tabular-nums; }',
  ].filter(Boolean);
}

interface HtmlPage {
  title: string;
  css: string;
  /** The markup inside `<main>`. */
  main: string;
  /** A webview's policy and the nonce its `<style>` carries; HTML_CSP and no nonce unless given. */
  csp?: { policy: string; nonce: string };
}

/** A whole page: every value written into the head is escaped here. */
export function renderHtmlPage(page: HtmlPage): string {
  const styleOpen = page.csp === undefined ? '<style>' : `<style nonce="${escapeXml(page.csp.nonce)}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(page.csp?.policy ?? HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crm-rollout">
<title>${escapeXml(page.title)}</title>
${styleOpen}
${page.css}
</style>
</head>
<body>
<main>
${page.main}
</main>
</body>
</html>
`;
}
