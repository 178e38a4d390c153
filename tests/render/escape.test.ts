import { describe, expect, it } from 'vitest';
import { escapeCsvCell, escapeMarkdown, escapeMermaid, escapeXml } from '../../server/src/render/escape';

const HOSTILE = `<img src=x onerror=alert(1)> & "quoted" 'single' <script>alert('x')</script>`;

describe('escapeXml', () => {
  it('turns every markup character of a hostile name into an entity', () => {
    expect(escapeXml(HOSTILE)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;',
    );
  });

  it('leaves no raw angle bracket, quote or unescaped ampersand', () => {
    const out = escapeXml(HOSTILE);
    expect(out).not.toMatch(/[<>"']/);
    expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  });

  it('drops characters XML 1.0 cannot carry but keeps tabs, line breaks and emoji', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('tab\tnew\nline 🚀')).toBe('tab\tnew\nline 🚀');
  });

  it('escapes an already escaped entity again, so text shows as typed', () => {
    expect(escapeXml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('escapeMermaid', () => {
  it('replaces the characters that end or break a gantt statement with look-alikes', () => {
    expect(escapeMermaid('Phase 2: build; test #1')).toBe('Phase 2\u2236 build, test \uFF031');
  });

  it('keeps a task on one line and cannot start a comment or close a code fence', () => {
    expect(escapeMermaid('first\nsecond\r\nthird')).toBe('first second third');
    expect(escapeMermaid('%% not a comment')).toBe('% % not a comment');
    expect(escapeMermaid('```mermaid')).toBe("'''mermaid");
  });

  it('leaves a hostile html name without any of the gantt control characters', () => {
    const out = escapeMermaid(HOSTILE);
    expect(out).not.toMatch(/[:;#\n`]/);
  });
});

describe('escapeCsvCell', () => {
  it('prefixes cells a spreadsheet would run as a formula with a quote', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(escapeCsvCell('+1')).toBe("'+1");
    expect(escapeCsvCell('-2 days')).toBe("'-2 days");
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvCell('\tcmd')).toBe("'\tcmd");
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling inner quotes (RFC 4180)', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvCell(' padded ')).toBe('" padded "');
  });

  it('writes numbers and booleans as they are and nothing for a missing value', () => {
    expect(escapeCsvCell(-3)).toBe('-3');
    expect(escapeCsvCell(true)).toBe('true');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell('plain')).toBe('plain');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises html and markdown syntax of a hostile name', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('[link](http://x) *bold* `code` a|b')).toBe('\\[link\\]\\(http://x\\) \\*bold\\* \\`code\\` a\\|b');
  });

  it('keeps a table row on one line, showing the line break as an escape', () => {
    expect(escapeMarkdown('one\ntwo')).toBe('one\\\\ntwo');
  });
});
