/** Types of scripts/bundle.mjs, for the tests written in TypeScript. */

export interface BundleEntry {
  readonly in: string;
  readonly out: string;
  readonly platform: 'node' | 'browser';
  readonly format: 'cjs' | 'iife';
  readonly external?: readonly string[];
  /** A package.json "bin": bundled with a hashbang and made executable. */
  readonly command?: boolean;
  /** A worker thread a command starts, bundled beside it. */
  readonly worker?: boolean;
}

/** Every bundle the build writes. */
export const ENTRIES: readonly BundleEntry[];
/** The bundles node runs: the commands and the worker threads they start. */
export const RUNTIME_ENTRIES: readonly BundleEntry[];
/** Bundles one entry under `root`. */
export function bundle(root: string, entry: BundleEntry, options?: { production?: boolean }): Promise<void>;
/** The entries whose source exists under `root`. */
export function presentEntries(root: string): BundleEntry[];
