import { jsonChunks, StreamedArray } from '../jsonChunks';
import { inOneString, oneBased, type ChunkedFormatter, type FileReport, type LintReport, type ReportedFinding } from '../report';

/** The fields every listed finding has, reported or waived, in the order they are written. */
function described(file: FileReport, f: ReportedFinding) {
  return {
    file: file.display,
    rule: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    ...oneBased(f),
    ...(f.idPath ? { idPath: f.idPath } : {}),
  };
}

function* findings(files: readonly FileReport[]) {
  for (const file of files) {
    for (const f of file.findings) {
      yield { ...described(file, f), fixable: (f.fixes ?? []).some((x) => x.kind === 'fix') };
    }
  }
}

function* waived(files: readonly FileReport[]) {
  for (const file of files) {
    for (const { finding: f, waiver } of file.waived ?? []) {
      yield {
        ...described(file, f),
        waiver: {
          target: waiver.target,
          reason: waiver.reason,
          owner: waiver.owner,
          ...(waiver.until ? { until: waiver.until } : {}),
        },
      };
    }
  }
}

/**
 * Every finding with file, rule, severity, message and 1-based start and end; findings the
 * plan's `x-waivers` silence are listed apart under `waived`, each with its waiver, so an
 * audit can see what was accepted, by whom and until when. The document as data, its lists
 * streamed (jsonChunks.ts).
 */
export function jsonDocument(report: LintReport) {
  const summary = {
    files: report.files.length,
    errors: report.errorCount,
    warnings: report.warningCount,
    infos: report.infoCount,
    waived: report.waivedCount,
    baselined: report.baselinedCount,
  };
  return { summary, findings: new StreamedArray(findings(report.files)), waived: new StreamedArray(waived(report.files)) };
}

export const jsonReportChunks: ChunkedFormatter = (report) => jsonChunks(jsonDocument(report));

export const json = inOneString(jsonReportChunks);
