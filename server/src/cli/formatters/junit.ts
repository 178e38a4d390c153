import { oneBased, type FileReport, type Formatter, type ReportedFinding } from '../report';

/**
 * JUnit XML (the Jenkins/Ant dialect GitLab, Jenkins and Azure DevOps read).
 *
 * - One `<testsuite>` per file, named by its path.
 * - One `<testcase>` per file and rule that has findings: name = rule id, classname = file,
 *   with one `<failure>` per finding (type = its severity, text `line:col severity message`).
 *   Every severity counts as a failure, info included; `--quiet` keeps errors only.
 * - Rules without findings are not listed (the report does not know which rules ran for each
 *   file). A file with no findings gets one passing testcase named `crm-rollout`, so every
 *   checked file shows up as passed instead of as an empty suite.
 * - Text is XML-escaped; characters XML 1.0 cannot carry become U+FFFD.
 */

const PASSING_CASE = 'crm-rollout';

/** Drops what XML 1.0 cannot hold: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE/F. */
function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function escapeXmlText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and keep line breaks and tabs (parsers would fold them). */
function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function byRule(findings: readonly ReportedFinding[]): Map<string, ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    const group = groups.get(f.ruleId);
    if (group) group.push(f);
    else groups.set(f.ruleId, [f]);
  }
  return groups;
}

function suite(file: FileReport): { xml: string; tests: number; failures: number } {
  const name = escapeXmlAttribute(file.display);
  const groups = byRule(file.findings);
  const cases: string[] = [];
  if (groups.size === 0) cases.push(`    <testcase name="${PASSING_CASE}" classname="${name}"/>`);
  for (const [ruleId, findings] of groups) {
    cases.push(`    <testcase name="${escapeXmlAttribute(ruleId)}" classname="${name}">`);
    for (const f of findings) {
      const { line, column } = oneBased(f);
      const text = `${line}:${column} ${f.severity} ${f.message}`;
      cases.push(`      <failure type="${f.severity}" message="${escapeXmlAttribute(f.message)}">${escapeXmlText(text)}</failure>`);
    }
    cases.push('    </testcase>');
  }
  const tests = Math.max(1, groups.size);
  const open = `  <testsuite name="${name}" tests="${tests}" failures="${groups.size}" errors="0" skipped="0">`;
  return { xml: [open, ...cases, '  </testsuite>'].join('\n'), tests, failures: groups.size };
}

export const junit: Formatter = (report) => {
  const suites = report.files.map(suite);
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="crm-rollout" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
