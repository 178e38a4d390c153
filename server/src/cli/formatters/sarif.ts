import { ruleDocUrl } from '../../engine/ruleDocs';
import type { Severity } from '../../engine/types';
import { jsonChunks, StreamedArray } from '../jsonChunks';
import { inOneString, oneBased, type ChunkedFormatter, type FileReport, type FormatContext, type LintReport } from '../report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Each finding's result, built as it is written. */
function* results(files: readonly FileReport[], ruleIndex: ReadonlyMap<string, number>) {
  for (const file of files) {
    for (const f of file.findings) {
      const { line, column, endLine, endColumn } = oneBased(f);
      yield {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(file.display), uriBaseId: '%SRCROOT%' },
              region: { startLine: line, startColumn: column, endLine, endColumn },
            },
          },
        ],
        ...(f.idPath ? { partialFingerprints: { idPath: `${f.ruleId}:${file.display}:${f.idPath}` } } : {}),
      };
    }
  }
}

/**
 * SARIF 2.1.0: every rule in tool.driver.rules with helpUri; results with 1-based regions.
 * The log as data, its results streamed (jsonChunks.ts).
 */
export function sarifLog(report: LintReport, { rules, toolVersion }: Pick<FormatContext, 'rules' | 'toolVersion'>) {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'crm-rollout',
            version: toolVersion,
            informationUri: 'https://github.com/crm-rollout/crm-rollout',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { category: r.category },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: new StreamedArray(results(report.files, ruleIndex)),
      },
    ],
  };
}

export const sarifChunks: ChunkedFormatter = (report, context) => jsonChunks(sarifLog(report, context));

export const sarif = inOneString(sarifChunks);
