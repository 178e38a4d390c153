import { ResponseError, type RemoteConsole } from 'vscode-languageserver';

/**
 * Wraps a request handler so that a bug never takes the server down or leaves the editor
 * waiting: a throw (or a rejected promise) is logged to the output channel and the request
 * answers `fallback`. A ResponseError is a deliberate answer (e.g. an invalid new name for a
 * rename) and goes back to the client as is.
 */
export function guard<P extends unknown[], R>(
  console: RemoteConsole,
  name: string,
  fallback: R,
  handler: (...params: P) => R | Promise<R>,
): (...params: P) => Promise<R> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      console.error(`crm-rollout: ${name} failed: ${errorText(error)}`);
      return fallback;
    }
  };
}

/** The same for notifications, which have nothing to answer. */
export function guardNotification<P extends unknown[]>(console: RemoteConsole, name: string, handler: (...params: P) => void | Promise<void>): (...params: P) => void {
  return (...params: P) => {
    Promise.resolve()
      .then(() => handler(...params))
      .catch((error: unknown) => console.error(`crm-rollout: ${name} failed: ${errorText(error)}`));
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
