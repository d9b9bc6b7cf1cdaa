/**
 * What one captured, validly signed notification can cost the desk when an attacker replays and edits it: the
 * signature covers the tid and the amounts only, so every unsigned field (status, names, padding) is theirs to change.
 */
import { describe, expect, it } from 'vitest';
import { intakeUnderTest } from '../../../test/support/intake-under-test';
import { notificationBody, nowSeconds, signNotification } from '../../../test/support/notifications';
import { storeBackends } from '../../../test/support/store-backends';
import { STATUSES_PER_MOMENT } from './moment-copies';

const KEEP_RECORDS = 20;
const PRUNE_EVERY = 10;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(
    `a captured notification replayed at the intake on ${backend.name}`,
    () => {
      const rig = intakeUnderTest(backend, { refusalLimits: { keepRecords: KEEP_RECORDS, pruneEvery: PRUNE_EVERY } });
      const { postRaw, logger } = rig;
      /** `signed`'s signature on `sent`'s text: an edit of fields the signature does not cover. */
      const postEdited = (signed: unknown, sent: unknown) =>
        postRaw(JSON.stringify(sent), { 'gt-authentication': signNotification(signed) });
      const linesSince = (n: number, text: string) => logger.lines.slice(n).filter((l) => l.includes(text));
      const storedBytes = async () =>
        Number(
          (
            await rig.store.db.query<{ bytes: string | number }>(
              `SELECT coalesce(sum(octet_length(raw_body)), 0) AS bytes FROM notifications`,
            )
          ).rows[0]!.bytes,
        );

      it('keeps only a bounded record of a stale copy padded in an unsigned field, and trims such records to the cap', async () => {
        const old = notificationBody({ tid: 9201, status: 'requested', timestamp: nowSeconds() - 600 });
        for (let i = 0; i < 3 * KEEP_RECORDS; i++) {
          const padded = { ...old, transaction: { ...(old.transaction as object), transaction_status: `s${i}` } };
          const r = await postEdited(old, { ...padded, padding: 'p'.repeat(64 * 1024) });
          expect(r).toMatchObject({ http: 400, body: { status: 1 } });
        }
        const [record] = await rig.store.listNotifications({ verdict: 'stale' });
        expect(record?.rawBody).toBeNull();
        expect(record?.body?.bytes).toBeGreaterThan(64 * 1024);
        // 60 copies of 64 KB would be 3.9 MB whole: what is stored is their first bytes, and only the newest ones.
        expect(await storedBytes()).toBe(0);
        expect((await rig.store.countNotificationsByVerdict()).stale).toBeLessThanOrEqual(KEEP_RECORDS + PRUNE_EVERY);
      });

      it('stores a fresh copy edited to ever new statuses whole a few times only: the rest keep a digest, trimmed to the cap', async () => {
        const fresh = notificationBody({ tid: 9204, status: 'requested' });
        const tx = fresh.transaction as Record<string, unknown>;
        expect((await postEdited(fresh, fresh)).body.status).toBe(0);
        // Within its window, each made-up status was a new dedupe key, accepted and stored with all its padding.
        for (let i = 0; i < 3 * KEEP_RECORDS; i++) {
          const edited = { ...fresh, transaction: { ...tx, transaction_status: `forged-${i}` } };
          const r = await postEdited(fresh, { ...edited, padding: 'p'.repeat(64 * 1024) });
          expect(r).toMatchObject({ http: 200, body: { status: 0 } });
        }
        const counts = await rig.store.countNotificationsByVerdict();
        expect(counts.accepted).toBe(STATUSES_PER_MOMENT);
        expect(counts.duplicate).toBeLessThanOrEqual(KEEP_RECORDS + PRUNE_EVERY);
        // 60 copies of 64 KB would be 3.9 MB whole; a few are kept whole, the rest as their first bytes.
        expect(await storedBytes()).toBeLessThan(STATUSES_PER_MOMENT * 66 * 1024);
        // The message as signed, sent again, is still answered as it was.
        expect((await postEdited(fresh, fresh)).body).toMatchObject({
          status: 0,
          description: 'Notification accepted',
        });
      });

      it('takes no customer name, country or cid from an expired session’s message: none of them is signed', async () => {
        const body = notificationBody({ tid: 9205, status: 'requested', customerToken: 'tok-9205', cid: 'cust-9205' });
        const expired: Record<string, unknown> = {
          ...body,
          transaction: null,
          session: { ...(body.session as object), session_status: 'expired' },
        };
        expect((await postEdited(expired, expired)).body.status).toBe(0);
        // The same signed moment edited within its window: another status, another name, country and cid.
        const edited = {
          ...expired,
          customer: { ...(expired.customer as object), first_name: 'Mallory', last_name: 'Forged', country: 'KP' },
          session: { ...(expired.session as object), session_status: 'expired (edited)', cid: 'someone-else' },
        };
        expect((await postEdited(expired, edited)).body.status).toBe(0);
        const customer = await rig.store.db.query<Record<string, string | null>>(
          'SELECT cid, first_name, last_name, country FROM customers WHERE customer_token = $1',
          ['tok-9205'],
        );
        for (const row of customer.rows) {
          expect(row).not.toMatchObject({ first_name: 'Mallory' });
          expect(row.cid).not.toBe('someone-else');
          expect(row.country).not.toBe('KP');
        }
      });

      it('answers replays of an accepted message again without a log line each, and trims their records to the cap', async () => {
        const body = notificationBody({ tid: 9202, status: 'requested' });
        expect((await postEdited(body, body)).body.status).toBe(0);
        const before = logger.lines.length;
        for (let i = 0; i < 3 * KEEP_RECORDS; i++) expect((await postEdited(body, body)).body.status).toBe(0);
        // One budget with the refusals (10 lines a minute): earlier tests here may have used it up already.
        expect(linesSince(before, 'duplicate').length).toBeLessThanOrEqual(10);
        const counts = await rig.store.countNotificationsByVerdict();
        expect(counts.accepted).toBe(1);
        expect(counts.duplicate).toBeLessThanOrEqual(KEEP_RECORDS + PRUNE_EVERY);
      });

      it('records a refused body holding a NUL character, without an error line for it', async () => {
        const before = logger.lines.length;
        expect(await postRaw('\0{"x":1}')).toMatchObject({ http: 400, body: { status: 1 } });
        expect((await rig.store.countNotificationsByVerdict()).malformed).toBe(1);
        const [record] = await rig.store.listNotifications({ verdict: 'malformed' });
        expect(record?.body?.head).toContain('{"x":1}');
        expect(linesSince(before, 'could not record')).toEqual([]);
      });

      it('refuses for good a signed message whose unsigned fields no store can hold, instead of asking Praxis to resend it', async () => {
        const body = notificationBody({ tid: 9203, status: 'requested' });
        const nul = { ...body, customer: { ...(body.customer as object), first_name: 'Jo\u0000hn' } };
        const nulAnswer = await postEdited(body, nul);
        expect(nulAnswer).toMatchObject({ http: 400, body: { status: 1 } });
        expect(nulAnswer.body.description).toMatch(/NUL/);

        const halfEmoji = { ...body, customer: { ...(body.customer as object), last_name: 'Doe \ud83d' } };
        const halfAnswer = await postEdited(body, halfEmoji);
        expect(halfAnswer).toMatchObject({ http: 400, body: { status: 1 } });
        expect(halfAnswer.body.description).toMatch(/surrogate/);

        const huge = { ...body, customer: { ...(body.customer as object), avs_alert: 2 ** 40 } };
        const hugeAnswer = await postEdited(body, huge);
        expect(hugeAnswer).toMatchObject({ http: 400, body: { status: 1 } });
        expect(hugeAnswer.body.description).toMatch(/avs_alert/);
        expect(await rig.store.getTransaction(9203)).toBeNull();
        expect((await rig.store.countNotificationsByVerdict()).store_failed).toBeUndefined();
      });

      it('refuses a signed message whose signed fields were shifted into one another (the signature joins them without a separator)', async () => {
        const spec = { tid: 993_026_773, status: 'requested', amountMinor: 5000 } as const;
        const body = notificationBody(spec);
        const tx = body.transaction as Record<string, unknown>;
        // "…993026773" "EUR" "5000" "1.000000" reads the same as "…993026773" "EUR" "50001" ".000000".
        const amountShifted = { ...body, transaction: { ...tx, amount: 50001, conversion_rate: '.000000' } };
        // "…993026773" "EUR" reads the same as "…9930267" "73EUR".
        const tidShifted = { ...body, transaction: { ...tx, tid: 9_930_267, currency: '73EUR' } };
        for (const edited of [amountShifted, tidShifted]) {
          const r = await postEdited(body, edited);
          expect(r).toMatchObject({ http: 400, body: { status: 1 } });
        }
        expect((await rig.store.countNotificationsByVerdict()).accepted).toBeUndefined();
        expect(await rig.store.getTransaction(9_930_267)).toBeNull();
        // The message as signed is still accepted.
        expect((await postEdited(body, body)).body.status).toBe(0);
      });
    },
  );
}
