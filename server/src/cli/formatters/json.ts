import { oneBased, type Formatter } from '../report';

/**
 * Every finding with file, rule, severity, message and 1-based start and end; findings the
 * plan's `x-waivers` silence are listed apart under `waived`, each with its waiver, so an
 * audit can see what was accepted, by whom and until when.
 */
export const json: Formatter = (report) => {
  const findings = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      file: file.display,
      rule: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      ...oneBased(f),
      ...(f.idPath ? { idPath: f.idPath } : {}),
      fixable: (f.fixes ?? []).some((x) => x.kind === 'fix'),
    })),
  );
  const waived = report.files.flatMap((file) =>
    (file.waived ?? []).map(({ finding: f, waiver }) => ({
      file: file.display,
      rule: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      ...oneBased(f),
      ...(f.idPath ? { idPath: f.idPath } : {}),
      waiver: {
        target: waiver.target,
        reason: waiver.reason,
        owner: waiver.owner,
        ...(waiver.until ? { until: waiver.until } : {}),
      },
    })),
  );
  const summary = {
    files: report.files.length,
    errors: report.errorCount,
    warnings: report.warningCount,
    infos: report.infoCount,
    waived: report.waivedCount,
    baselined: report.baselinedCount,
  };
  return `${JSON.stringify({ summary, findings, waived }, null, 2)}\n`;
};
