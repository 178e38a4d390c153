import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Document URIs and the engine's file paths. The engine works on paths (imports are relative
 * paths, `.crm-rollout.yaml` is found by walking folders); the protocol on URIs. A URI that is
 * not a `file:` URI (an unsaved `untitled:` buffer) keeps its URI as its path, so it is linted
 * on its own and never found by another file's import.
 */

export function pathFromUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** The URI of a path; `known` maps paths of open documents to the URI the client used for them. */
export function uriFromPath(path: string, known?: ReadonlyMap<string, string>): string {
  const open = known?.get(path);
  if (open) return open;
  if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) return path;
  return pathToFileURL(path).href;
}
