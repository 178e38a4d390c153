import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';

/** What the plan's file on disk looked like; enough to see that it changed. */
interface DiskState {
  mtime: number;
  size: number;
  permissions?: vscode.FilePermission;
}

/** The settings that make VS Code open a file read-only. */
const READONLY_SETTINGS = ['files.readonlyInclude', 'files.readonlyExclude', 'files.readonlyFromPermissions'];

/** The owner's write bit of a file mode. */
const OWNER_WRITE = 0o200;

async function diskState(uri: vscode.Uri): Promise<DiskState | undefined> {
  try {
    const { mtime, size, permissions } = await vscode.workspace.fs.stat(uri);
    return { mtime, size, permissions };
  } catch {
    return undefined;
  }
}

function sameDisk(a: DiskState | undefined, b: DiskState | undefined): boolean {
  return a?.mtime === b?.mtime && a?.size === b?.size;
}

/** A glob that names a whole path (VS Code matches those against the absolute path too). */
function isAbsoluteGlob(glob: string): boolean {
  return glob.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(glob);
}

/**
 * Whether a `files.readonlyInclude`-style setting (globs mapped to true) names the document, the
 * way VS Code reads it: relative to the document's workspace folder, else by absolute path.
 */
function namedBy(setting: Record<string, unknown> | undefined, document: vscode.TextDocument): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return Object.entries(setting ?? {}).some(([glob, on]) => {
    if (on !== true) return false;
    if (folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0) return true;
    return (!folder || isAbsoluteGlob(glob)) && vscode.languages.match({ pattern: glob }, document) > 0;
  });
}

/**
 * Why the timeline must not edit a plan right now, as far as the VS Code API lets an extension
 * see it, kept up to date as the file, its editor and the settings change:
 * - the editor is read-only: a read-only file system, a file system that marks the file
 *   read-only, the `files.readonlyInclude` setting (less `files.readonlyExclude`), or the
 *   file's write permission off with `files.readonlyFromPermissions` on. The API has no
 *   read-only flag on an editor, so these are the settings that make one; a file made read-only
 *   for the session only (the "Set Active Editor Read-only in Session" command) stays unseen;
 * - the editor is out of step with the disk: it holds unsaved changes and the file changed on
 *   disk since the editor last loaded or saved it, so a save would conflict.
 */
export class PlanEditGuard implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires when the reason changes (undefined: editing is possible again). */
  readonly onDidChange = this.changed.event;
  private current: string | undefined;
  /** The disk as the editor last had it: read while the editor had no unsaved changes. */
  private inStep: DiskState | undefined;
  private looking: Promise<string | undefined> = Promise.resolve(undefined);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly uri: vscode.Uri) {
    const mine = (u: vscode.Uri) => u.toString() === uri.toString();
    const name = uri.path.split('/').pop() ?? '';
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
    const again = () => void this.check();
    let dirty = this.document()?.isDirty;
    this.disposables = [
      this.changed,
      watcher,
      watcher.onDidChange(again),
      watcher.onDidCreate(again),
      watcher.onDidDelete(again),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (mine(d.uri)) again();
      }),
      // Typing the first change, undoing the last, a revert or a reload from disk.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!mine(e.document.uri) || e.document.isDirty === dirty) return;
        dirty = e.document.isDirty;
        again();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (READONLY_SETTINGS.some((s) => e.affectsConfiguration(s, uri))) again();
      }),
    ];
    again();
  }

  /** Why editing is off, as last seen; undefined when the timeline may edit the plan. */
  get reason(): string | undefined {
    return this.current;
  }

  /** Looks again (the file, its editor, the settings) and answers why editing is off, if it is. */
  check(): Promise<string | undefined> {
    // One look at a time, in order, so an older look never overwrites what a newer one saw.
    this.looking = this.looking.then(async () => {
      // A file that cannot be looked at now (gone, unreadable) changes nothing until the next look.
      const reason = await this.look().catch(() => this.current);
      if (reason !== this.current) {
        this.current = reason;
        this.changed.fire(reason);
      }
      return reason;
    });
    return this.looking;
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  private async look(): Promise<string | undefined> {
    const disk = await diskState(this.uri);
    const document = this.document();
    const outOfStep = this.outOfStep(document, disk);
    return (await this.readOnly(document, disk)) ?? outOfStep;
  }

  private outOfStep(document: vscode.TextDocument | undefined, disk: DiskState | undefined): string | undefined {
    // A document without unsaved changes is what is on disk (VS Code reloads it when the file changes).
    if (!document?.isDirty || this.inStep === undefined) {
      this.inStep = disk;
      return undefined;
    }
    if (sameDisk(this.inStep, disk)) return undefined;
    return disk
      ? 'the plan changed on disk while the editor holds unsaved changes: save it (choosing which version to keep) or revert it first'
      : 'the plan was deleted on disk while the editor holds unsaved changes: save it or close it first';
  }

  private async readOnly(document: vscode.TextDocument | undefined, disk: DiskState | undefined): Promise<string | undefined> {
    if (vscode.workspace.fs.isWritableFileSystem(this.uri.scheme) === false) return 'the plan is on a read-only file system';
    if (disk?.permissions !== undefined && (disk.permissions & vscode.FilePermission.Readonly) !== 0) return 'the file system marks the plan read-only';
    const files = vscode.workspace.getConfiguration('files', this.uri);
    const include = files.get<Record<string, unknown>>('readonlyInclude');
    if (Object.values(include ?? {}).includes(true)) {
      const doc = document ?? (await vscode.workspace.openTextDocument(this.uri));
      if (namedBy(include, doc) && !namedBy(files.get<Record<string, unknown>>('readonlyExclude'), doc)) {
        return 'the plan is read-only in VS Code (the files.readonlyInclude setting names it)';
      }
    }
    // A window-wide setting, read without the resource.
    if (vscode.workspace.getConfiguration('files').get<boolean>('readonlyFromPermissions') && this.uri.scheme === 'file' && disk) {
      const mode = await stat(this.uri.fsPath).then((s) => s.mode, () => undefined);
      if (mode !== undefined && (mode & OWNER_WRITE) === 0) return 'the plan file is read-only (no write permission, and files.readonlyFromPermissions is on)';
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
