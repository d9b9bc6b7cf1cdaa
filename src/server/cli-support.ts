/** "--port" text -> a TCP port (0 = any free one); a bad value goes to the CLI's own `fail` with one shared message. */
export function parsePort(text: string, fail: (message: string) => never): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a whole number from 0 to 65535 (0 = any free port), got "${text}".`);
  return port;
}

/** One thing a CLI closes on the way out, named for the line printed if it never finishes. */
export interface CloseStep {
  name: string;
  close: () => Promise<void>;
}

/** Ctrl+C reaches the host from the terminal and again through each wrapper (npm exec, tsx) within milliseconds. */
const SAME_STOP_MS = 1_000;

/** Long enough for a store to finish its writes; short enough that nobody reaches for SIGKILL. */
export const CLOSE_DEADLINE_MS = 10_000;

/**
 * On Ctrl+C or a stop signal, runs the steps in order, then exits. A close that does not settle cannot hold the
 * process: a second signal (either one, a second or more later) or the deadline ends it, with a line naming the step still closing.
 */
export function closeOnSignal(steps: CloseStep[], { deadlineMs = CLOSE_DEADLINE_MS } = {}): void {
  let closing: string | null = null;
  let stoppedAt = 0;
  const giveUp = (why: string) => {
    console.error(`${why}; still closing: ${closing ?? 'nothing'}. Exiting without waiting for it.`);
    process.exit(1);
  };
  const stop = async (signal: NodeJS.Signals) => {
    if (closing !== null) {
      if (Date.now() - stoppedAt < SAME_STOP_MS) return;
      return giveUp(`Second ${signal}`);
    }
    stoppedAt = Date.now();
    closing = steps[0]?.name ?? 'nothing';
    setTimeout(() => giveUp(`Not closed ${deadlineMs / 1000} s after ${signal}`), deadlineMs);
    let failed = false;
    for (const step of steps) {
      closing = step.name;
      await step.close().catch((err: unknown) => {
        failed = true;
        console.error(`Closing ${step.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
    process.exit(failed ? 1 : 0);
  };
  // `on`, not `once`: a listener must stay for the second signal, or the runtime's default would decide.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
}
