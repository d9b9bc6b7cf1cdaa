/**
 * The desk's logger. Every line passes through `redact`, which replaces any registered secret (merchant
 * secrets, database passwords) wherever it appears, so a secret cannot reach a log even by accident.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Remember a secret so it is masked from now on. */
  registerSecret(secret: string): void;
  redact(text: string): string;
}

const MASK = '[redacted]';

export function createLogger(
  sink: (line: string) => void = (l) => process.stderr.write(l + '\n'),
  minLevel: LogLevel = 'info',
): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const secrets = new Set<string>();
  // Longest first so a secret that contains another is masked whole; sorted once per new secret, not per string.
  let longestFirst: string[] = [];
  const redact = (text: string): string => {
    let out = text;
    for (const s of longestFirst) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  };
  // Redact every string before serialising: JSON escapes a secret's quotes, backslashes and control characters,
  // after which the escaped text would no longer match the secret.
  const redactStrings = (_key: string, value: unknown): unknown => (typeof value === 'string' ? redact(value) : value);
  const write = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }, redactStrings));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    registerSecret: (s) => {
      if (s.length < 4 || secrets.has(s)) return;
      secrets.add(s);
      longestFirst = [...secrets].sort((a, b) => b.length - a.length);
    },
    redact,
  };
}

/** A logger that keeps lines in memory: tests read it to prove no secret was written. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger((l) => lines.push(l), 'debug'),
    { lines },
  );
}
