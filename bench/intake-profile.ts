/**
 * npm run bench:intake-profile -- [pglite|memory|postgres|http] [out-dir] — CPU profiles of one measured run of
 * bench:intake's group-commit case: the intake's thread (inspector), the sender process (its own profile), and the
 * process CPU, so the time per message can be split between HTTP, verify, store and the store's thread.
 * Env: BENCH_N (2000), BENCH_CONCURRENCY (16).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openStore, type StoreLocation } from '../src/core/store/work-store';
import { startPostgres } from '../test/support/postgres';
import { notificationSenderProcess, startSandboxIntake } from './support/notification-sender';

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const [kind = 'pglite', outDir = tmpdir()] = process.argv.slice(2);

async function target(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  if (kind === 'http') {
    const app = Fastify({ logger: false });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.post('/', async (_req, reply) =>
      reply.header('content-type', 'application/json').send('{"status":0,"description":"ok"}'),
    );
    return { url: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() };
  }
  let pg: Awaited<ReturnType<typeof startPostgres>> | null = null;
  let location: StoreLocation = { kind: 'memory' };
  if (kind === 'pglite') location = { kind: 'pglite', dir: join(dir, 'store') };
  if (kind === 'postgres') {
    pg = await startPostgres();
    location = { kind: 'postgres', url: pg.url };
  }
  const store = await openStore(location);
  const intake = await startSandboxIntake(store, {});
  return {
    url: intake.url,
    close: async () => {
      await intake.close();
      await store.close();
      await pg?.stop();
    },
  };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'desk-profile-'));
  const t = await target(dir);
  await (await notificationSenderProcess(t.url, 9_000_000, 200, CONCURRENCY)).send();
  const senderProfile = join(outDir, `sender-${kind}.cpuprofile`);
  const sender = await notificationSenderProcess(t.url, 1_000_000, N, CONCURRENCY, senderProfile);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await sender.send();
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  const { profile } = await session.post('Profiler.stop');
  const intakeProfile = join(outDir, `intake-${kind}.cpuprofile`);
  await writeFile(intakeProfile, JSON.stringify(profile));
  console.log(
    `${kind}: ${N} notifications in ${seconds.toFixed(2)} s = ${Math.round(N / seconds)}/s; intake process CPU ` +
      `${(((cpu.user + cpu.system) / 1000 / N) * 1).toFixed(3)} ms each (user ${(cpu.user / 1000 / N).toFixed(3)}, ` +
      `system ${(cpu.system / 1000 / N).toFixed(3)}); profiles: ${intakeProfile}, ${senderProfile}`,
  );
  await t.close();
  await rm(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
