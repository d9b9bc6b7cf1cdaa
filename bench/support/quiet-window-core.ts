/** A desk core for a bench's Chromium window: the browser host's kind, no embedded sandbox (only the seeded queue), no log. */
import { createDeskCore } from '../../src/core/app/desk-core';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createLogger } from '../../src/core/log';

export const quietLog = createLogger(() => undefined);

export const openQuietWindowCore = (dataDir: string) =>
  createDeskCore({
    dataDir,
    host: 'browser-host',
    logger: quietLog,
    secretStore: createMemorySecretStore('bench'),
    embeddedSandbox: false,
  });
