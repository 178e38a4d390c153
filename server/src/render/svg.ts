import { escapeXml } from './escape';
import { px } from './timelineLayout';

/** Minimal, deterministic XML writing: attributes in the order given, every value escaped. */

type Attrs = Record<string, string | number | boolean | undefined>;

function attributes(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    const text = value === true ? 'true' : typeof value === 'number' ? px(value) : value;
    out += ` ${name}="${escapeXml(text)}"`;
  }
  return out;
}

/** An element; `children` is markup already escaped, or undefined for an empty element. */
export function el(name: string, attrs: Attrs, children?: string | string[]): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === undefined || inner === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

/** A text element holding plain (unescaped) text. */
export function text(attrs: Attrs, content: string): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** A `<title>` tooltip; line breaks show as separate lines in browsers' tooltips. */
export function title(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/** Shortens text for a fixed-width column, keeping the whole text for the tooltip. */
export function truncate(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
