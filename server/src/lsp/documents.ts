import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OverlayFileSystem, type FileSystem } from '../engine/fileSystem';
import { pathFromUri, uriFromPath } from './uris';

export type DocumentEvent = 'open' | 'change' | 'close';

/**
 * The documents open in the editor, and the file system the engine reads through: the disk
 * with every open buffer laid over it, so an import sees the unsaved text of an open
 * people file, not what was last saved.
 */
export class OpenDocuments {
  readonly fs: OverlayFileSystem;
  private readonly documents = new TextDocuments(TextDocument);
  private readonly uriByPath = new Map<string, string>();
  private readonly listeners: ((uri: string, event: DocumentEvent) => void)[] = [];

  constructor(disk: FileSystem) {
    this.fs = new OverlayFileSystem(disk);
    // onDidChangeContent fires for the open as well; one listener keeps the order open -> change.
    this.documents.onDidChangeContent(({ document }) => {
      const path = pathFromUri(document.uri);
      const opened = !this.uriByPath.has(path);
      this.uriByPath.set(path, document.uri);
      this.fs.set(path, document.getText());
      this.emit(document.uri, opened ? 'open' : 'change');
    });
    this.documents.onDidClose(({ document }) => {
      const path = pathFromUri(document.uri);
      this.uriByPath.delete(path);
      this.fs.delete(path);
      this.emit(document.uri, 'close');
    });
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }

  onEvent(listener: (uri: string, event: DocumentEvent) => void): void {
    this.listeners.push(listener);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  /** The URI of a path: the client's own URI when the file is open. */
  uriOf(path: string): string {
    return uriFromPath(path, this.uriByPath);
  }

  private emit(uri: string, event: DocumentEvent): void {
    for (const listener of this.listeners) listener(uri, event);
  }
}
