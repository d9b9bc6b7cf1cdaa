import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the renderer is loaded from: the built files, or the electron-vite dev server. */
export type AppLocation = { kind: 'file'; rendererDir: string } | { kind: 'dev'; origin: string };

/**
 * True only for a page of this app: a file inside the built renderer folder, or the dev server's origin.
 * Used to allow navigation and to trust IPC senders; everything else is foreign.
 */
export function isAppUrl(rawUrl: string, location: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return url.origin === location.origin;
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  const rel = relative(location.rendererDir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The dev server's origin when running under `electron-vite dev`, from the URL it passes in. */
export function appLocationFrom(devServerUrl: string | undefined, rendererDir: string): AppLocation {
  return devServerUrl ? { kind: 'dev', origin: new URL(devServerUrl).origin } : { kind: 'file', rendererDir };
}
