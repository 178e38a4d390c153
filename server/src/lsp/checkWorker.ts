import type { MessagePort } from 'node:worker_threads';
import { OverlayFileSystem } from '../engine/fileSystem';
import { lintSteps, lintText, type LintOptions, type LintResult } from '../engine/lint';
import { NodeFileSystem } from '../platform/nodeFileSystem';
import type { CheckRequest, CheckResult, Feature, FromWorker, ToWorker } from './checkMessages';
import { codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { completions } from './completion';
import { toDiagnostic } from './diagnostics';
import { errorText } from './guard';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import type { Analysis } from './project';
import { RecentParses } from './recentParses';
import { SettingBaselines } from './settingBaseline';
import { documentSymbols, foldingRanges } from './symbols';
import { uriFromPath } from './uris';

/** The analysis of the last text a worker checked, with what its features need. */
interface Checked {
  analysis: Analysis;
  options: LintOptions;
  uriOf: (path: string) => string;
}

/** The plan at the `crm-rollout.baseline` ref, for hovers, remembered as the server's thread does for its files. */
const baselines = new SettingBaselines();

/**
 * A language-server check worker: a worker thread running dist/server.js (main.ts starts this
 * when it is not the main thread). It checks one large document with the engine every front end
 * uses (engine/lint.ts lintSteps), posts the name of each stage it begins and the diagnostics at
 * the end, and answers the editor's requests on that document from the last text it checked.
 * Messages are handled in order, so a request sent after a check is answered from that check.
 */
export function runCheckWorker(port: MessagePort): void {
  // Kept while the worker lives: the next check of the same document re-parses only the edited item.
  const parses = new RecentParses();
  let last: Checked | undefined;
  const post = (message: FromWorker) => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    try {
      if (message.kind === 'feature') post({ kind: 'answer', id: message.id, answer: last ? answer(last, message.feature) : null });
      else last = check(message, parses, post);
    } catch (error) {
      if (message.kind === 'check') last = undefined;
      post({ kind: 'failed', id: message.id, error: errorText(error) });
    }
  });
}

function check(request: CheckRequest, parses: RecentParses, post: (message: FromWorker) => void): Checked {
  const { uri, path, text, settings } = request;
  const fs = new OverlayFileSystem(new NodeFileSystem());
  for (const [openPath, openText] of request.open) fs.set(openPath, openText);
  fs.set(path, text);
  const uris = new Map(request.uris);
  const uriOf = (file: string) => uriFromPath(file, uris);
  const options: LintOptions = { fs, asOf: settings.asOf, configPath: settings.configPath, root: request.root, parse: parses.parse };
  const steps = lintSteps(path, text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      const result = step.value;
      post({ kind: 'checked', id: request.id, result: checkResult(result, uriOf) });
      const lastPlan = result.plan && result.schedule ? { plan: result.plan, schedule: result.schedule } : undefined;
      return { analysis: { uri, path, text, version: request.version, result, settings, lastPlan }, options, uriOf };
    }
    post({ kind: 'stage', id: request.id, stage: step.value.next });
  }
}

function checkResult(result: LintResult, uriOf: (path: string) => string): CheckResult {
  return {
    diagnostics: result.findings.map((f) => toDiagnostic(f, result.source, uriOf)),
    findingCount: result.findings.length,
    role: result.role,
    configPath: result.configPath,
    dependencies: result.dependencies,
    importFiles: result.imports?.files.map((f) => f.path) ?? [],
  };
}

/** A feature's answer, computed as the server computes it for a document it checks itself (server.ts). */
function answer({ analysis, options, uriOf }: Checked, feature: Feature): unknown {
  switch (feature.name) {
    case 'hover':
      return hover(analysis, feature.offset, [], baselines);
    case 'completion':
      return completions(analysis, feature.offset, { snippets: feature.snippets });
    case 'documentSymbols':
      return documentSymbols(analysis);
    case 'foldingRanges':
      return foldingRanges(analysis);
    case 'inlayHints':
      return inlayHints(analysis, feature.range);
    case 'codeLens':
      return codeLenses(analysis, feature.support);
    case 'codeActions':
      return codeActions(analysis, feature.params, (text) => lintText(analysis.path, text, options).findings, uriOf, feature.support);
  }
}
