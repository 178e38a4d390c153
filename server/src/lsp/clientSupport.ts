import type { ClientCapabilities } from 'vscode-languageserver';
import { CLIENT_CAPABILITY, type CrmRolloutClientCapabilities } from '../protocol';

/** What the connected editor can do beyond the base protocol, read once from `initialize`. */
export interface ClientSupport {
  /** The client commands (`COMMANDS`) the editor says it implements. */
  commands: ReadonlySet<string>;
  /** Whether it opens documents and URLs on request (`window/showDocument`, LSP 3.16). */
  showDocument: boolean;
}

export const NO_CLIENT_SUPPORT: ClientSupport = { commands: new Set(), showDocument: false };

function declaredCommands(experimental: unknown): string[] {
  if (typeof experimental !== 'object' || experimental === null) return [];
  const ours = (experimental as Record<string, unknown>)[CLIENT_CAPABILITY] as CrmRolloutClientCapabilities | undefined;
  return Array.isArray(ours?.commands) ? ours.commands.filter((c): c is string => typeof c === 'string') : [];
}

export function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    commands: new Set(declaredCommands(capabilities.experimental)),
    showDocument: capabilities.window?.showDocument?.support === true,
  };
}
