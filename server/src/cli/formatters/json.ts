import { oneBased, type Formatter } from '../report';

/** Every finding with file, rule, severity, message and 1-based start and end. */
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
      fixable: (f.fixes ?? []).some((x) => x.safe),
    })),
  );
  const summary = { files: report.files.length, errors: report.errorCount, warnings: report.warningCount, infos: report.infoCount };
  return `${JSON.stringify({ summary, findings }, null, 2)}\n`;
};
