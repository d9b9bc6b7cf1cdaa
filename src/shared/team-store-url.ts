/**
 * The rule for a profile's shared PostgreSQL store URL, one place for the contract, the profile file and the core:
 * the person's own login in it, never a password (that lives in the OS keychain), and TLS with a verified server
 * certificate whenever the server is not on this machine.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const VERIFIED_TLS = new Set(['verify-full', 'verify-ca']);

export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\./.test(host);

/** What is wrong with a store URL, in words that say what to do; null when it may be used. */
export function teamStoreUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The store URL is not a URL. Write it as postgres://<your database login>@<host>:5432/<database>.';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    return 'The store URL must start with postgres:// (a shared PostgreSQL server), e.g. postgres://ana@db.example.com/desk?sslmode=verify-full.';
  if (url.password || url.searchParams.has('password'))
    return 'Leave the password out of the store URL: a URL is saved in the profile file. Remove it and enter it under Credentials › Database password, which the desk keeps in the OS keychain.';
  if (!url.username)
    return 'Put your own database login in the store URL (postgres://<your login>@host/database): each person connects as their own role.';
  if (!url.hostname) return 'The store URL names no server: write postgres://<login>@<host>/<database>.';
  if (url.searchParams.has('host') || url.searchParams.has('hostaddr'))
    return 'Give the server in the URL itself (postgres://login@<host>/database), not as a host= parameter.';
  if (!url.pathname || url.pathname === '/')
    return 'The store URL names no database: add it after the host, e.g. /desk.';
  if (!isLoopbackHost(url.hostname) && !VERIFIED_TLS.has(url.searchParams.get('sslmode') ?? ''))
    return `The server ${url.hostname} is not on this machine, so the connection must use TLS with a verified certificate: add ?sslmode=verify-full to the store URL (and sslrootcert=<file> if your CA is not a public one).`;
  return null;
}
