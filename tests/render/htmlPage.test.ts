import { describe, expect, it } from 'vitest';
import { basePageCss, HTML_CSP, renderHtmlPage } from '../../server/src/render/htmlPage';

describe('renderHtmlPage', () => {
  it('writes the strict policy, an escaped title and a plain style element by default', () => {
    const page = renderHtmlPage({ title: 'A & <B>', css: 'p { margin: 0; }', main: '<p>hi</p>' });
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`);
    expect(page).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(page).toContain('<style>\np { margin: 0; }\n</style>');
    expect(page).toContain('<main>\n<p>hi</p>\n</main>');
    expect(page).not.toMatch(/<script|<link|src=|href=/);
  });

  it("carries a webview's policy and puts its nonce, escaped, on the style element", () => {
    const page = renderHtmlPage({ title: 't', css: '', main: '', csp: { policy: `style-src 'nonce-a"b'`, nonce: 'a"b' } });
    expect(page).toContain('content="style-src &#39;nonce-a&quot;b&#39;"');
    expect(page.match(/<style[^>]*>/g)).toEqual(['<style nonce="a&quot;b">']);
  });

  it("sets the colour scheme for light and dark pages and leaves it to the editor's theme in a webview", () => {
    expect(basePageCss('dark')[0]).toBe(':root { color-scheme: dark; }');
    expect(basePageCss('light')[0]).toBe(':root { color-scheme: light; }');
    expect(basePageCss('vscode').join('\n')).not.toContain('color-scheme');
    expect(basePageCss('vscode').join('\n')).toContain('var(--vscode-editor-foreground)');
  });
});
