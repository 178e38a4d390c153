import { inOneString, oneBased, type ChunkedFormatter, type FileReport, type ReportedFinding } from '../report';

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

/** How many testcases a file's suite has and how many of them fail: one per rule with findings, or the passing one. */
function suiteCounts(file: FileReport): { tests: number; failures: number } {
  const failures = new Set(file.findings.map((f) => f.ruleId)).size;
  return { tests: Math.max(1, failures), failures };
}

/** A file's suite, one testcase line or failure line at a time. */
function* suite(file: FileReport): Generator<string, void, undefined> {
  const name = escapeXmlAttribute(file.display);
  const groups = byRule(file.findings);
  const { tests, failures } = suiteCounts(file);
  yield `  <testsuite name="${name}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n`;
  if (groups.size === 0) yield `    <testcase name="${PASSING_CASE}" classname="${name}"/>\n`;
  for (const [ruleId, findings] of groups) {
    yield `    <testcase name="${escapeXmlAttribute(ruleId)}" classname="${name}">\n`;
    for (const f of findings) {
      const { line, column } = oneBased(f);
      const text = `${line}:${column} ${f.severity} ${f.message}`;
      yield `      <failure type="${f.severity}" message="${escapeXmlAttribute(f.message)}">${escapeXmlText(text)}</failure>\n`;
    }
    yield '    </testcase>\n';
  }
  yield '  </testsuite>\n';
}

export const junitChunks: ChunkedFormatter = function* (report) {
  let tests = 0;
  let failures = 0;
  for (const file of report.files) {
    const counts = suiteCounts(file);
    tests += counts.tests;
    failures += counts.failures;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="crm-rollout" tests="${tests}" failures="${failures}" errors="0">\n`;
  for (const file of report.files) yield* suite(file);
  yield '</testsuites>\n';
};

export const junit = inOneString(junitChunks);
