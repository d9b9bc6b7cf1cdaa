import { describe, expect, it } from 'vitest';
import { teamStoreUrlProblem } from './team-store-url';

describe('a shared team store URL', () => {
  it('may be used with the person’s own login, no password, and verified TLS off this machine', () => {
    for (const ok of [
      'postgres://ana@127.0.0.1:5432/desk',
      'postgresql://ana@localhost/desk',
      'postgres://ana@[::1]:5433/desk',
      'postgres://ana@db.example.com/desk?sslmode=verify-full',
      'postgres://ana@db.example.com:6432/desk?sslmode=verify-ca&sslrootcert=/etc/ssl/team-ca.pem',
    ])
      expect(teamStoreUrlProblem(ok), ok).toBeNull();
  });

  it('refuses each unsafe or unusable form with what to do', () => {
    expect(teamStoreUrlProblem('postgres://ana:hunter2@127.0.0.1/desk')).toMatch(/Leave the password out/);
    expect(teamStoreUrlProblem('postgres://ana@127.0.0.1/desk?password=x')).toMatch(/Leave the password out/);
    expect(teamStoreUrlProblem('postgres://ana@db.example.com/desk?sslmode=require')).toMatch(/sslmode=verify-full/);
    expect(teamStoreUrlProblem('postgres://ana@10.0.0.5/desk')).toMatch(/10\.0\.0\.5 is not on this machine/);
    expect(teamStoreUrlProblem('postgres://127.0.0.1/desk')).toMatch(/your own database login/);
    expect(teamStoreUrlProblem('postgres://ana@127.0.0.1/desk?host=db.example.com')).toMatch(
      /not as a host= parameter/,
    );
    expect(teamStoreUrlProblem('postgres://ana@127.0.0.1')).toMatch(/names no database/);
    expect(teamStoreUrlProblem('https://db.example.com/desk')).toMatch(/must start with postgres:\/\//);
    expect(teamStoreUrlProblem('db.example.com')).toMatch(/is not a URL/);
  });
});
