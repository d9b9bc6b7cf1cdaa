import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from './log';
import { privateFolderSync } from './private-folder';

/**
 * The desk log: `<folder>/logs/desk.log`, also echoed to stderr where asked (the Electron app has no console to
 * scroll; the browser host keeps its terminal for the URL). Lines are already redacted by the core logger.
 */
export function createFileLogger(folder: string, opts: { echoToStderr: boolean }): Logger & { path: string } {
  const dir = join(folder, 'logs');
  privateFolderSync(dir);
  const path = join(dir, 'desk.log');
  const logger = createLogger((line) => {
    if (opts.echoToStderr) process.stderr.write(line + '\n');
    try {
      appendFileSync(path, line + '\n', { mode: 0o600 });
    } catch {
      // A full disk must not take the desk down.
      if (!opts.echoToStderr) process.stderr.write(line + '\n');
    }
  });
  return Object.assign(logger, { path });
}
