import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from '../core/log';

/** The desk log: `<userData>/logs/desk.log` plus stderr. Lines are already redacted by the core logger. */
export function createFileLogger(userDataDir: string): Logger & { path: string } {
  const dir = join(userDataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'desk.log');
  const logger = createLogger((line) => {
    process.stderr.write(line + '\n');
    try {
      appendFileSync(path, line + '\n', { mode: 0o600 });
    } catch {
      // A full disk must not take the desk down; stderr still has the line.
    }
  });
  return Object.assign(logger, { path });
}
