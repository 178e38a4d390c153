/**
 * One self-updating status line on stderr for long CLI runs (`linting 412/1000 plans…`).
 *
 * It is shown only on a terminal, only once the run has taken longer than a delay (so a quick
 * run prints nothing extra), never under `--quiet` or in CI, and it is erased before anything
 * else is written, so reports and logs never contain it. Any command that works through many
 * plans creates one `ProgressLine` and reports each step with `count`.
 */

export interface StatusStream {
  write(s: string): unknown;
  isTTY?: boolean;
  /** Terminal width; the line is cut to fit so it never wraps (a wrapped line cannot be redrawn). */
  columns?: number;
}

export const DEFAULT_PROGRESS_DELAY_MS = 1000;
const PROGRESS_DELAY_ENV = 'CRM_ROLLOUT_PROGRESS_DELAY_MS';
/** Redraw at most this often: a terminal gains nothing from 1,000 redraws a second. */
const REDRAW_INTERVAL_MS = 80;
const ERASE_LINE = '\r\u001b[K';

/** The delay before the line appears: `CRM_ROLLOUT_PROGRESS_DELAY_MS` when it is a whole number, else one second. */
export function progressDelayMs(env: NodeJS.ProcessEnv): number {
  const raw = env[PROGRESS_DELAY_ENV];
  return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : DEFAULT_PROGRESS_DELAY_MS;
}

/** CI logs are not terminals even when a pseudo-terminal is attached; `CI=false` or `CI=0` means not CI. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

interface ProgressOptions {
  /** `--quiet` was given. */
  quiet: boolean;
  env?: NodeJS.ProcessEnv;
  /** The clock, injected by tests; milliseconds. */
  now?: () => number;
}

export class ProgressLine {
  private readonly started: number;
  private readonly enabled: boolean;
  private readonly delayMs: number;
  private readonly now: () => number;
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: StatusStream,
    options: ProgressOptions,
  ) {
    const env = options.env ?? process.env;
    this.now = options.now ?? Date.now;
    this.enabled = stream.isTTY === true && !options.quiet && !inCi(env);
    this.delayMs = progressDelayMs(env);
    this.started = this.now();
  }

  /** Reports `done` of `total` items: `linting 412/1000 plans…`. */
  count(verb: string, done: number, total: number, noun: string, nouns = `${noun}s`): void {
    this.update(`${verb} ${done}/${total} ${total === 1 ? noun : nouns}…`);
  }

  /** Shows `text` as the status line, once the delay has passed and not more often than the redraw interval. */
  update(text: string): void {
    if (!this.enabled) return;
    const time = this.now();
    if (time - this.started < this.delayMs) return;
    if (this.shown && time - this.lastDraw < REDRAW_INTERVAL_MS) return;
    this.stream.write(`${ERASE_LINE}${this.fitted(text)}`);
    this.shown = true;
    this.lastDraw = time;
  }

  /** Erases the line; call before printing a report. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(ERASE_LINE);
    this.shown = false;
  }

  /** Writes a message of its own to the stream; the status line comes back at the next update. */
  print(message: string): void {
    this.clear();
    this.stream.write(message);
  }

  private fitted(text: string): string {
    const width = this.stream.columns;
    if (width === undefined || width < 2 || text.length < width) return text;
    return `${text.slice(0, width - 2)}…`;
  }
}
