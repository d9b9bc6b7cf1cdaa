/** "--port" text -> a TCP port (0 = any free one); a bad value goes to the CLI's own `fail` with one shared message. */
export function parsePort(text: string, fail: (message: string) => never): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a whole number from 0 to 65535 (0 = any free port), got "${text}".`);
  return port;
}

/** On Ctrl+C or a stop signal, runs the closers in order, then exits. */
export function closeOnSignal(...closers: Array<() => Promise<void>>): void {
  const stop = async () => {
    for (const close of closers) await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
