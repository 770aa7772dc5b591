/**
 * Helpers for e2e tests running inside the VS Code extension host.
 * (Not a test file itself: only `*.e2e.js` files are loaded by index.ts.)
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = process.env.LL_E2E_EXTENSION_ID || 'landscape-lint.landscape-lint';
export const DIAGNOSTIC_SOURCE = 'landscape-lint';

/** Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const suffix = lastError ? ` (last error: ${(lastError as Error).message ?? lastError})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${suffix}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The workspace's landscape files, `preferred` (a file name) first. */
export async function findLandscapeFiles(preferred = 'acme.landscape.yaml'): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.landscape.{yaml,yml,json}', '**/node_modules/**');
  const name = (u: vscode.Uri): string => u.path.slice(u.path.lastIndexOf('/') + 1);
  return uris.sort((a, b) => {
    const pa = name(a) === preferred ? 0 : name(a).endsWith('.yaml') ? 1 : 2;
    const pb = name(b) === preferred ? 0 : name(b).endsWith('.yaml') ? 1 : 2;
    return pa - pb || a.path.localeCompare(b.path);
  });
}

/** Opens `uri` in an editor and returns it. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Waits until `uri` has at least one diagnostic from landscape-lint, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  return waitFor(`a diagnostic from '${DIAGNOSTIC_SOURCE}' on ${uri.toString()}`, () => {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    return ds.length > 0 ? ds : undefined;
  }, timeoutMs);
}
