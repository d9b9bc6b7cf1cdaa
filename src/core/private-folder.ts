import { chmodSync, mkdirSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';

/*
 * The desk's folders are its user's alone: a store holds customers' details and cashier tokens, and PGlite writes its
 * files readable (and its log and catalogs writable) by every account under the usual umask, so the folder is what
 * keeps other accounts out. A folder that exists already is narrowed too: older desks made theirs 0755.
 */
const OWNER_ONLY = 0o700;

/** Makes `path` (and any missing parent) if needed, and leaves it to its owner alone. */
export async function privateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: OWNER_ONLY });
  await chmod(path, OWNER_ONLY);
}

/** privateFolder, for what runs before anything can be awaited (the log opened at start). */
export function privateFolderSync(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY });
  chmodSync(path, OWNER_ONLY);
}

/**
 * Files this process creates from now on are its user's alone (umask 077): PGlite's own files, the log, the lock and
 * the audit head, so a copy or backup that keeps modes does not open them to every account. Called once by each host
 * at start; a worker thread may not set it.
 */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}
