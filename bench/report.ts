/** The shape of bench/results.json, and its rendering as text tables and as docs/performance.md. */

export interface SizeResult {
  lines: number;
  floorMs: number;
  lintMs: number;
  /** lintMs / floorMs. */
  lintRatio: number;
  ylsMs: number | null;
  /** Our lint / yaml-language-server, both timed in their own race: below 1 means we are faster. */
  ylsRatio: number | null;
  spectralMs: number | null;
  spectralRatio: number | null;
  /** Findings of our lint on the plan (generated plans are nearly clean). */
  findings: number;
}

export interface EditResult {
  /** A sample's file name; absent for generated plans. */
  file?: string;
  lines: number;
  p50Ms: number;
  p95Ms: number;
  fullLintMs: number;
  /** The server's own validation of an edit (its verbose trace), median ms. */
  serverMs?: number;
  /** The adaptive quiet time the server waited after a keystroke (median), included in p50Ms and p95Ms. */
  debounceMs: number;
  /** (p50Ms - debounceMs) / fullLintMs: the work an edit costs, next to a full lint. */
  p50RatioAfterDebounce: number;
  /** The engine's own lint after each keystroke (re-using the previous parse), median ms. */
  engineEditMs: number;
  /** engineEditMs / fullLintMs. */
  engineEditRatio: number;
  /** yaml-language-server over stdio on the same edits (generated plans only). */
  ylsP50Ms?: number;
  ylsP95Ms?: number;
  /** p50Ms / ylsP50Ms: the editor target. */
  p50RatioToYls?: number;
}

/** The whole CLI on a 300,000-item plan: it must finish with a capped report. */
export interface HugeFindingsResult {
  items: number;
  mebibytes: number;
  ms: number;
  /** Exited 1 with its summary line. */
  finished: boolean;
  reportLines: number;
  /** Lines of the report that count the findings left out ("… and N more findings like this"). */
  leftOutLines: number;
  summary: string;
}

export interface ManyFindingsResult {
  /** Tiny invalid phases in the plan. */
  items: number;
  ms: number;
  findings: number;
  /** ms / the smallest plan's ms: linear growth doubles it per doubling of items. */
  ratioToFirst: number;
  /** Time per phase / the smallest plan's time per phase: 1 is linear, above 1 superlinear. */
  perPhaseToFirst: number;
}

export interface BenchResults {
  sizes: SizeResult[];
  batch: { files: number; lintMs: number; floorMs: number; lintPeakMiB: number; floorPeakMiB: number } | null;
  /** Whole processes: our CLI, the floor (node parsing the plan with `yaml`), node -e "" and npx crm-rollout. */
  coldStart: { cliMs: number; nodeMs: number; floorMs?: number; npxMs?: number } | null;
  /** Lint of plans with many tiny invalid items (absent in results of older runs). */
  manyFindings?: ManyFindingsResult[];
  hugeFindings?: HugeFindingsResult | null;
  edit: EditResult[];
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; loadAverage: number[]; loadAverageAfter?: number[] };
  command: string;
  date: string;
}

type Row = (string | number | null)[];

function table(header: string[], rows: Row[], markdown: boolean): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '–' : String(c))));
  if (markdown) {
    const line = (r: string[]) => `| ${r.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...cells.map(line)].join('\n') + '\n';
  }
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

function sections(r: BenchResults, markdown: boolean): string[] {
  const out: string[] = [];
  const h = (title: string) => (markdown ? `### ${title}\n\n` : `\n${title}\n`);
  out.push(
    h('Lint vs floor and other validators (median ms; ratio = our lint / theirs)') +
      table(
        ['lines', 'floor', 'lint', 'lint/floor', 'yaml-ls', 'lint/yaml-ls', 'spectral', 'lint/spectral', 'findings'],
        r.sizes.map((s) => [s.lines, s.floorMs, s.lintMs, s.lintRatio, s.ylsMs, s.ylsRatio, s.spectralMs, s.spectralRatio, s.findings]),
        markdown,
      ),
  );
  if (r.batch) {
    const b = r.batch;
    out.push(
      h(`Batch: ${b.files} plans of ~200 lines, one process`) +
        table(
          ['', 'wall ms', 'peak MiB'],
          [
            ['crm-rollout lint', b.lintMs, b.lintPeakMiB],
            ['floor (parse only)', b.floorMs, b.floorPeakMiB],
            ['ratio', Math.round((b.lintMs / b.floorMs) * 100) / 100, Math.round((b.lintPeakMiB / b.floorPeakMiB) * 100) / 100],
          ],
          markdown,
        ),
    );
  }
  if (r.coldStart) {
    const c = r.coldStart;
    const ratio = (ms: number | undefined) => (ms === undefined ? null : Math.round((c.cliMs / ms) * 100) / 100);
    out.push(
      h('Cold start (median ms; ratio = crm-rollout lint / that row)') +
        table(
          ['', 'ms', 'ratio'],
          [
            ['crm-rollout lint (200 lines)', c.cliMs, null],
            ['floor as a process (node + yaml parse, same plan)', c.floorMs ?? null, ratio(c.floorMs)],
            ['node -e ""', c.nodeMs, ratio(c.nodeMs)],
            ['npx crm-rollout lint (same plan)', c.npxMs ?? null, null],
          ],
          markdown,
        ),
    );
  }
  if (r.manyFindings && r.manyFindings.length > 0) {
    out.push(
      h('Many findings: plans of tiny invalid phases (median ms; ratios to the smallest plan; a time per phase ratio of 1 is linear)') +
        table(['phases', 'ms', 'findings', 'ratio', 'time per phase ratio'], r.manyFindings.map((m) => [m.items, m.ms, m.findings, m.ratioToFirst, m.perPhaseToFirst ?? '–']), markdown),
    );
  }
  if (r.hugeFindings) {
    const g = r.hugeFindings;
    out.push(
      h(`Huge findings: crm-rollout lint on ${g.items} tiny invalid phases (${g.mebibytes} MiB), whole process`) +
        table(
          ['ms', 'finished', 'report lines', 'lines counting the rest', 'summary'],
          [[g.ms, g.finished ? 'yes' : 'no', g.reportLines, g.leftOutLines, g.summary.replace(/\|/g, '\\|')]],
          markdown,
        ),
    );
  }
  if (r.edit.length > 0) {
    out.push(
      h('Language server: one-character edit → diagnostics (ms; yaml-ls = yaml-language-server over stdio on the same edits)') +
        table(
          ['file', 'lines', 'p50', 'p95', 'yaml-ls p50', 'p50/yaml-ls', 'server validation', 'debounce', 'full lint', '(p50−debounce)/full lint', 'engine edit lint', 'engine edit/full'],
          r.edit.map((e) => [
            e.file ?? 'generated',
            e.lines,
            e.p50Ms,
            e.p95Ms,
            e.ylsP50Ms ?? null,
            e.p50RatioToYls ?? null,
            e.serverMs ?? null,
            e.debounceMs,
            e.fullLintMs,
            e.p50RatioAfterDebounce,
            e.engineEditMs ?? null,
            e.engineEditRatio ?? null,
          ]),
          markdown,
        ),
    );
  }
  return out;
}

export function renderTables(r: BenchResults): string {
  const m = r.machine;
  return `${sections(r, false).join('')}\nmachine: ${m.cpu} × ${m.cores}, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}, load ${m.loadAverage.join(' ')} → ${(m.loadAverageAfter ?? []).join(' ')}\n`;
}

const START = '<!-- bench:start (generated by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/** The generated part of docs/performance.md: machine, legend and tables of the latest run. */
export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  return `${START}

The latest run of \`${r.command}\` (bench/bench.ts; raw figures in bench/results.json), on ${r.date.slice(0, 10)}.
Times are medians of interleaved rounds in one process; each ratio compares two figures measured
in one race, since absolute times on shared machines move with the load.

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average
${m.loadAverage.join(' / ')} at the start and ${(m.loadAverageAfter ?? []).join(' / ')} at the end.

- **floor**: \`yaml\`'s \`parseDocument\` with a \`LineCounter\`, the least a YAML checker with
  exact positions must do.
- **lint**: our full lint with every rule on (\`extends: all\`): parse, schema, imports,
  scheduling and rules.
- **yaml-ls**: yaml-language-server's \`doValidation\` against schemas/plan.schema.json.
- **spectral**: \`@stoplight/spectral-core\` with one rule applying schemas/plan.schema.json.
- The language-server latency is measured over stdio against \`dist/server.js\` and includes
  the server's adaptive debounce after a keystroke (the median quiet time is the debounce
  column; half the file's last validation, none under 16 ms, at most 300 ms); "server
  validation" is the server's own time per edit, from its verbose trace.

${sections(r, true).join('\n')}
${END}
`;
}

/** docs/performance.md with the generated block replaced (or appended), the rest kept as written. */
export function updatePerformanceDoc(existing: string | undefined, r: BenchResults): string {
  const block = renderMarkdown(r);
  if (!existing) return `# Performance\n\n${block}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  if (start < 0 || end < start) return `${existing.trimEnd()}\n\n${block}`;
  return existing.slice(0, start) + block + existing.slice(end + END.length + 1);
}
