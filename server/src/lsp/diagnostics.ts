import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { ruleDocUrl } from '../engine/ruleDocs';
import { rangeFromOffsets, type SourceFile } from '../engine/source';
import type { Finding, Severity, TextEdit as EngineEdit } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toProtocolEdit(source: Pick<SourceFile, 'lineCounter'>, edit: EngineEdit): TextEdit {
  return { range: rangeFromOffsets(source, edit.start, edit.end), newText: edit.newText };
}

/** A finding as an LSP diagnostic; `uriOf` turns the engine's paths into the client's URIs. */
export function toDiagnostic(finding: Finding, source: Pick<SourceFile, 'lineCounter'>, uriOf: (path: string) => string): Diagnostic {
  const docUrl = ruleDocUrl(finding.ruleId);
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    docUrl,
    messageId: finding.messageId,
    fixes: (finding.fixes ?? []).map((fix) => ({ title: fix.title, kind: fix.kind, edits: fix.edits.map((e) => toProtocolEdit(source, e)) })),
  };
  if (finding.idPath) data.idPath = finding.idPath;
  if (finding.data) data.details = finding.data;
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docUrl },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: r.message }));
  }
  return diagnostic;
}

/** Whether a client's diagnostic is this finding (same rule, message and place). */
export function isDiagnosticOf(diagnostic: Diagnostic, finding: Finding): boolean {
  const a = diagnostic.range;
  const b = finding.range;
  return (
    diagnostic.code === finding.ruleId &&
    diagnostic.message === finding.message &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
