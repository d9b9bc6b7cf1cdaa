import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a folder, for proving a secret was never written anywhere in it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Byte search, so a secret is found in binary files (PGlite pages) as well as text. */
export const fileContains = async (file: string, needle: string): Promise<boolean> =>
  (await readFile(file)).includes(Buffer.from(needle));
