import { parseWithPointers } from '@stoplight/yaml';
import { load as loadAst } from '@stoplight/yaml-ast-parser';
import { Composer, Lexer, LineCounter, Parser, parseDocument } from 'yaml';
import { fastParseDocument } from '../server/src/engine/fastParse';
import { lineCounterOf } from '../server/src/engine/parse';
import { PARSE_OPTIONS } from '../server/src/engine/parseOptions';
import { generatePlan } from './generatePlan';
import { race, round } from './measure';

/**
 * `node bench/run.mjs bench/parsers.ts`: where the time of parsing YAML with positions goes,
 * and why Spectral's parser is faster than `yaml`'s. Each stage of `yaml`'s pipeline is timed
 * on its own beside @stoplight/yaml (Spectral's parser, built on yaml-ast-parser, a port of
 * JS-YAML's loader that records offsets), on the same text.
 * Beside them, the engine's own fast path (engine/fastParse.ts), which builds the same Document
 * straight from the text for the YAML plans are written in.
 * Ratios are to the floor (`parseDocument` with a LineCounter), in one race per size.
 */

const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '2000,20000').split(',').map(Number);

async function main(): Promise<void> {
  for (const lines of sizes) {
    const { text } = generatePlan({ lines });
    const t = await race(
      {
        'yaml parseDocument + LineCounter (floor)': () => parseDocument(text, { lineCounter: new LineCounter() }),
        'yaml parseDocument, engine options, own line index': () => [parseDocument(text, PARSE_OPTIONS), lineCounterOf(text)],
        'engine fast path (fastParse.ts), own line index': () => {
          const doc = fastParseDocument(text);
          if (!doc) throw new Error('the fast path declined the generated plan');
          return [doc, lineCounterOf(text)];
        },
        'yaml Lexer only (tokens)': () => {
          let n = 0;
          for (const _ of new Lexer().lex(text)) n++;
          return n;
        },
        'yaml Lexer + Parser (CST, no Document)': () => [...new Parser().parse(text)],
        'yaml Composer over a ready CST': (() => {
          const tokens = [...new Parser().parse(text)];
          return () => [...new Composer().compose(tokens)];
        })(),
        'line index only (scan for \\n)': () => lineCounterOf(text),
        '@stoplight/yaml parseWithPointers (Spectral)': () => parseWithPointers(text),
        'yaml-ast-parser load (AST with offsets)': () => loadAst(text),
      },
      lines > 10000 ? 5 : 15,
      2,
    );
    const floor = t['yaml parseDocument + LineCounter (floor)'];
    process.stdout.write(`\n${lines} lines (${(text.length / 1024).toFixed(0)} KiB)\n`);
    for (const [name, ms] of Object.entries(t)) process.stdout.write(`  ${name.padEnd(52)} ${String(round(ms)).padStart(8)} ms  ${String(round(ms / floor, 2)).padStart(5)}×\n`);
  }
}

void main();
