/**
 * Reads the examples of a rule page (docs/rules/<id>.md) so a test can run them.
 *
 * A page's "## Failing example" and "## Passing example" sections each hold:
 * - the plan: the section's first ```yaml block;
 * - files next to the plan: a later ```yaml block whose preceding paragraph names the file in
 *   backticks, e.g. "with `people.yaml` next to the plan:";
 * - the as-of date, when the section says `--as-of YYYY-MM-DD`;
 * - (failing only) the messages of the findings it gets: the lines of the section's first
 *   ```text block.
 */
export interface PageExample {
  plan: string;
  /** File name (next to the plan) -> text. */
  files: Record<string, string>;
  asOf?: string;
  /** Empty for a passing example. */
  messages: string[];
}

export interface RulePageExamples {
  failing?: PageExample;
  passing?: PageExample;
}

function section(page: string, title: string): string | undefined {
  const start = page.indexOf(`\n## ${title}\n`);
  if (start < 0) return undefined;
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next < 0 ? undefined : next);
}

function exampleOf(text: string): PageExample | undefined {
  const blocks = [...text.matchAll(/(?:^|\n)([^\n]*)\n*```(yaml|text)\n([^]*?)```/g)];
  const yamlBlocks = blocks.filter((b) => b[2] === 'yaml');
  if (yamlBlocks.length === 0) return undefined;
  const files: Record<string, string> = {};
  for (const block of yamlBlocks.slice(1)) {
    const name = /`([^`]+\.ya?ml)`/.exec(block[1])?.[1];
    if (!name) throw new Error(`a second yaml block without a file name before it: ${block[1]}`);
    files[name] = block[3];
  }
  return {
    plan: yamlBlocks[0][3],
    files,
    asOf: /--as-of (\d{4}-\d{2}-\d{2})/.exec(text)?.[1],
    messages: (blocks.find((b) => b[2] === 'text')?.[3] ?? '').split('\n').filter((line) => line.trim() !== ''),
  };
}

export function rulePageExamples(page: string): RulePageExamples {
  const failing = section(page, 'Failing example');
  const passing = section(page, 'Passing example');
  return { failing: failing === undefined ? undefined : exampleOf(failing), passing: passing === undefined ? undefined : exampleOf(passing) };
}
