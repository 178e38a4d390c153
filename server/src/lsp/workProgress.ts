import { CancellationToken, LSPErrorCodes, ResponseError, type Connection, type WorkDoneProgressReporter } from 'vscode-languageserver';

/**
 * LSP work-done progress for jobs that go through many plans: workspace validation (progress
 * the server starts) and requests that read every plan (progress attached to the request's
 * `workDoneToken`). Steps are reported as whole percentages, sent only when the percentage
 * changes, so a job of 10,000 plans sends at most 101 reports. A client without
 * `window.workDoneProgress` gets no messages at all (the library hands out a silent reporter).
 */
export class StepProgress {
  private sentPercentage = -1;

  constructor(
    private readonly reporter: WorkDoneProgressReporter,
    private readonly noun: string,
    /** Cancelled when the user cancels the job. */
    readonly token: CancellationToken = CancellationToken.None,
  ) {}

  begin(title: string, cancellable: boolean): void {
    this.reporter.begin(title, 0, undefined, cancellable);
    this.sentPercentage = 0;
  }

  /** `done` of `total` steps are finished. */
  step(done: number, total: number): void {
    const percentage = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (percentage === this.sentPercentage) return;
    this.sentPercentage = percentage;
    this.reporter.report(percentage, `${done}/${total} ${total === 1 ? this.noun : `${this.noun}s`}`);
  }

  /** Throws the protocol's "request cancelled" error once the job is cancelled. */
  throwIfCancelled(): void {
    if (this.token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  }

  done(): void {
    this.reporter.done();
  }
}

/**
 * Starts progress the server owns (shown by the client, e.g. in VS Code's status bar) and
 * makes it cancellable. A client that refuses to create the progress simply shows none.
 */
export async function startServerProgress(connection: Connection, title: string, noun: string): Promise<StepProgress> {
  const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
  if (!reporter) return new StepProgress(connection.window.attachWorkDoneProgress(undefined), noun);
  const progress = new StepProgress(reporter, noun, reporter.token);
  progress.begin(title, true);
  return progress;
}

/**
 * Runs a request's job with the progress the client attached to it (its `workDoneToken`;
 * none, silently, when it attached none). The request's own cancellation stops the job.
 */
export async function withRequestProgress<T>(
  reporter: WorkDoneProgressReporter,
  cancel: CancellationToken,
  title: string,
  job: (progress: StepProgress) => Promise<T>,
): Promise<T> {
  const progress = new StepProgress(reporter, 'plan', cancel);
  progress.begin(title, true);
  try {
    return await job(progress);
  } finally {
    progress.done();
  }
}

/** Lets pending messages (edits, requests, a cancellation) in between two steps of a long job. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
