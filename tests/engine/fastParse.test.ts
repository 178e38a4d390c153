import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Document, type ScalarTag } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generatePlan';
import { fastParseDocument, TYPED_FIRST_CHARACTERS } from '../../server/src/engine/fastParse';
import { parseSource } from '../../server/src/engine/parse';
import { PARSE_OPTIONS } from '../../server/src/engine/parseOptions';
import { documentDifference, UNREAD_NODE_FIELDS } from '../helpers/sameDocument';

const root = fileURLToPath(new URL('../../', import.meta.url));

function full(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
}

/** The fast path accepted `text` and built exactly the full parser's Document. */
function expectSameDocument(text: string): void {
  const fast = fastParseDocument(text);
  expect(fast, 'the fast path declined').toBeDefined();
  expect(documentDifference(fast!, full(text))).toBeUndefined();
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('the fast YAML parser accepts the common subset of plan YAML', () => {
  const cases: [string, string][] = [
    ['a block mapping', 'plan: 1\nname: Acme CRM rollout\n'],
    ['nested mappings and lists', 'crm:\n  product: Sales Cloud\n  replaces:\n    - spreadsheets\n    - GoldMine\nteams: [sales, it]\n'],
    ['a list at its key’s indentation', 'people:\n- id: dana\n  name: Dana\n- id: sam\nowner: dana\n'],
    ['compact mappings in a list, wider dashes', 'phases:\n  -   id: a\n      kind: design\n  - id: b\n'],
    ['a top-level list', '- a\n- b: 1\n  c: 2\n'],
    ['a document indented as a whole', '  a: 1\n  b:\n    - x\n'],
    ['plain scalars of every core type', 'a: ~\nb: null\nc: true\nd: False\ne: 12\nf: -3\ng: 0x1F\nh: 0o17\ni: 1.50\nj: 1e3\nk: .inf\nl: -.NaN\nm: 2027-01-04\nn: 3w\n'],
    ['keys of every core type', '1: one\ntrue: yes\nnull: none\n2027-01-04: date\n'],
    ['quoted scalars', `a: 'it''s'\nb: "say \u00e9"\nc: ''\nd: "a: b # c"\n'e f': x\n"g": y\n`],
    ['plain scalars with indicators inside', 'a: x:y\nb: a#b\nc: http://e.example/a?b=c\nd: a [b] {c}, d\ne: -x\n'],
    ['flow collections', 'a: []\nb: {}\nc: [a, "b", \'c\', 1]\nd: { id: x, kind: y }\ne: {a: [1, 2], b: {c: d}}\nf: [ a , b ]  \n'],
    ['empty values', 'a:\nb:   \nc:\n  -\n  - \n  - x\nd:\n'],
    ['comments at the ends of lines', 'a: 1 # one\nb: [x] # list\nc: # about c\n  d: 2\n'],
    ['comment lines and blank lines everywhere', '# head\n\na:\n  # before b\n  b: 1\n    # deeper: counted into 1\n\n  # at b\n  c:\n    - x\n    # at the list\n# at column 0\nd: 2\n\n# tail\n'],
    ['comment lines after a nested collection kept by it', 'a:\n  b:\n    c: 1\n    # at c\n  d: 2\n'],
    ['comments before a list item', 'a:\n  - x\n  # before y\n  - y\n'],
    ['no final line break', 'a: 1\nb: [x]'],
    ['Windows line ends', 'a: 1 # c\r\nb:\r\n  - x\r\n\r\n  # d\r\nc:\r\n'],
    ['literal block scalars, every chomping', 'a: |\n  one\n  two\nb: |-\n  one\nc: |+\n  one\n\n\nd: 1\n'],
    ['folded block scalars, every chomping', 'a: >\n  one\n  two\nb: >-\n  one\n  two\nc: >+\n  one\n\nd: 1\n'],
    ['blank lines inside block scalars, folded into line breaks', 'a: >\n  one\n\n  two\n\n\n  three\n  \n  four\nb: |\n  one\n\n  two\n'],
    ['blank lines after block scalars, kept only by `+`', 'a: |\n  one\n\n\nb: |+\n  one\n \n\nc: >-\n  one\n\n'],
    ['more-indented lines in a literal block scalar', 'a: |\n  one\n    two\n  three\n'],
    ['block scalar lines that look like YAML', 'a: |\n  # not a comment\n  b: c\n  - d\n  [e]\n'],
    ['comment lines after block scalars, deeper and shallower than their collection', 'a:\n  b: |\n    one\n   # kept by the mapping\n  c: >-\n    two\n # moved on\nd: |\n  three\n# at column 0\n'],
    ['block scalars as list items', 'a:\n  - |\n    one\n  - >-\n    two\n  - x\nb:\n- |+\n two\n\n- y: >\n    three\n  z: 1\n'],
    ['a header with spaces after it', 'a: |-  \n  one\n'],
    ['a block scalar ending the text without a line break', 'a: >-\n  one\n  two'],
    ['a kept block scalar ending the text in blank lines', 'a: |+\n  one\n\n\n'],
    ['block scalars with Windows line ends', 'a: >-\r\n  one\r\n\r\n  two\r\nb: |+\r\n  one\r\n\r\n# c\r\nc: 1\r\n'],
  ];
  for (const [name, text] of cases) it(name, () => expectSameDocument(text));

  it('accepts every sample plan and generated plans', () => {
    const samples = yamlFiles(join(root, 'samples')).filter((path) => !path.includes('broken'));
    expect(samples.length).toBeGreaterThanOrEqual(4);
    for (const path of samples) expectSameDocument(readFileSync(path, 'utf8'));
    for (const lines of [200, 2000]) for (const seed of [1, 2, 3]) expectSameDocument(generatePlan({ lines, seed }).text);
  });

  it('accepts the enterprise sample, whose descriptions are folded block scalars', () => {
    const contoso = readFileSync(join(root, 'samples/enterprise/contoso.rollout.yaml'), 'utf8');
    expect(contoso.match(/: >-\n/g)).toHaveLength(2);
    expectSameDocument(contoso);
  });

  it('gives every sample, golden and corpus file the full parser’s Document, or declines it', () => {
    const files = ['samples', 'tests/golden', 'tests/corpus/files', 'tests/e2e/fixtures', 'snippets'].flatMap((dir) => {
      try {
        return yamlFiles(join(root, dir));
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(20);
    let accepted = 0;
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const fast = fastParseDocument(text);
      if (!fast) continue;
      accepted++;
      expect(documentDifference(fast, full(text)), relative(root, path)).toBeUndefined();
    }
    expect(accepted).toBeGreaterThan(files.length / 2);
  });
});

describe('the fast YAML parser declines what it does not read', () => {
  const cases: [string, string][] = [
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'base: { a: 1 }\nc:\n  <<: { a: 1 }\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n  text\n'],
    ['a block scalar header with two chomping indicators', 'a: |-+\n  text\n'],
    ['a comment after a block scalar header', 'a: >- # why\n  text\n'],
    ['an empty block scalar', 'a: |\nb: 1\n'],
    ['a block scalar not indented deeper than its collection', 'a:\n  b: |\n  text\n'],
    ['a block scalar header ending the text', 'a: |'],
    ['a blank line before a block scalar’s text', 'a: |\n\n  text\n'],
    ['a more-indented line in a folded block scalar', 'a: >\n  one\n    two\n'],
    ['a blank line with more spaces than a block scalar’s text', 'a: |\n  one\n     \n  two\n'],
    ['spaces alone after a block scalar ending the text', 'a: |\n  one\n  '],
    ['a block scalar line less indented than its first', 'a:\n  b: |\n      one\n    two\n'],
    ['a block scalar at the top level', '|\n  text\n'],
    ['a block scalar in a flow collection', 'a: [|, x]\n'],
    ['a plain scalar over two lines', 'a: one\n  two\n'],
    ['a quoted scalar over two lines', 'a: "one\n  two"\n'],
    ['a flow collection over two lines', 'a: [x,\n  y]\n'],
    ['an escape in a double-quoted scalar', 'a: "x\\ty"\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a document start marker', '---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a tab in the indentation', 'a:\n\tb: 1\n'],
    ['a carriage return not ending a line', 'a: 1\rb: 2\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['a duplicate key in a flow mapping', 'a: { x: 1, x: 2 }\n'],
    ['keys equal as values', 'a: 1\n1: x\n01: y\n'],
    ['a list inside a list on one line', 'a:\n  - - x\n'],
    ['a mapping on a key’s line', 'a: b: c\n'],
    ['a list on a key’s line', 'a: - x\n'],
    ['a key that is a flow collection', '[a]: 1\n'],
    ['a pair in a flow list', 'a: [x: 1]\n'],
    ['an empty flow entry', 'a: [x, , y]\n'],
    ['a trailing comma', 'a: [x, y, ]\n'],
    ['a comment inside a flow collection', 'a: [x, # c\n  y]\n'],
    ['a comment that would belong to an empty value', 'a: # c\nb: 1\n'],
    ['a comment line after an empty value', 'a:\n  # c\nb: 1\n'],
    ['a comment before an empty list item', '- x\n# c\n-\n'],
    ['a comment with no space before it', 'a: "x"#c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a scalar document', 'just text\n'],
    ['a flow document', '{ a: 1 }\n'],
    ['an empty document', '# only a comment\n'],
    ['a reserved indicator', 'a: @x\n'],
    ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
  ];
  for (const [name, text] of cases) it(name, () => expect(fastParseDocument(text)).toBeUndefined());

  it('leaves the full parser to report what it declines', () => {
    const result = parseSource('/p.rollout.yaml', 'a: 1\nb: 2\na: 3\n');
    expect(result.findings.map((f) => [f.messageId, f.offsets])).toEqual([['duplicateKey', [10, 11]]]);
  });

  it('declines nesting deeper than plans go, which yaml’s parser may not manage, and never fails on it', () => {
    const nested = (depth: number) => Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k:`).join('\n');
    expectSameDocument(nested(100));
    expect(fastParseDocument(nested(101))).toBeUndefined();
    expect(fastParseDocument(nested(20_000))).toBeUndefined();
    expect(fastParseDocument(`a: ${'['.repeat(99)}${']'.repeat(99)}`)).toBeDefined();
    expect(fastParseDocument(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toBeUndefined();
  });
});

describe('what the fast YAML parser leaves out', () => {
  it('resolves a plain scalar as a string without testing tags only when no tag of the schema could match it', () => {
    const tags = full('').schema.tags.filter((tag): tag is ScalarTag => !tag.collection && Boolean(tag.default) && Boolean(tag.test));
    expect(tags.length).toBeGreaterThan(5);
    const other = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !TYPED_FIRST_CHARACTERS.includes(s[0]));
    fc.assert(
      fc.property(other, (value) => {
        for (const tag of tags) expect(tag.test!.test(value), `${tag.tag} ${value}`).toBe(false);
      }),
      { seed: 20271203, numRuns: 2000 },
    );
  });

  it('builds nothing the product reads: no source reads comments or blank-line flags of yaml nodes', () => {
    // `phase.comment` in the templates is a template's own field, not a yaml node's.
    const allowed = new Set(['server/src/templates/render.ts: phase.comment']);
    const fields = [...UNREAD_NODE_FIELDS].join('|');
    const reads: string[] = [];
    for (const dir of ['server/src', 'client/src', 'client/webview']) {
      for (const path of readdirSync(join(root, dir), { recursive: true }).map(String).filter((name) => /\.ts$/.test(name))) {
        const file = `${dir}/${path}`;
        if (file === 'server/src/engine/fastParse.ts') continue;
        for (const match of readFileSync(join(root, file), 'utf8').matchAll(new RegExp(`\\w*\\??\\.(?:${fields})\\b`, 'g'))) {
          if (!allowed.has(`${file}: ${match[0]}`)) reads.push(`${file}: ${match[0]}`);
        }
      }
    }
    expect(reads).toEqual([]);
  });
});
