/**
 * A notification intake on loopback over one store backend, for a describe block: opened once, its store emptied
 * before each test, closed after; and how to post to it as Praxis (or anyone) would.
 */
import { afterAll, beforeAll } from 'vitest';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { createMemoryLogger } from '../../src/core/log';
import { verifyAckSignature } from '../../src/core/praxis/webhooks';
import { createIntake, NOTIFICATION_PATH, type Intake, type IntakeOptions } from '../../src/core/intake/intake-server';
import { signNotification } from './notifications';
import { storeUnderTest, type StoreBackend } from './store-backends';

export const sandboxMerchant = {
  merchantId: SANDBOX_SAMPLE.merchantId,
  applicationKey: SANDBOX_SAMPLE.applicationKey,
  secret: async () => SANDBOX_SAMPLE.secret,
};

export interface Posted {
  http: number;
  body: { status: number; description: string; version: string; timestamp: number };
  /** Whether the answer carries a Gt-Authentication made with the sandbox secret. */
  signed: boolean;
  /** The answer's Gt-Authentication as sent, or null. */
  signature: string | null;
}

type Options = Omit<IntakeOptions, 'store' | 'merchant' | 'logger' | 'withTarget'>;

/** Call inside a describe: the hooks are that block's. */
export function intakeUnderTest(backend: StoreBackend, options: Options = {}) {
  const store = storeUnderTest(backend);
  let intake: Intake;
  let url: string;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    intake = createIntake({ ...options, store: store(), merchant: sandboxMerchant, logger });
    url = await intake.listen({ port: 0 });
  });
  // Registered after the store's own: vitest runs afterAll hooks in reverse, so the intake closes before its store.
  afterAll(async () => {
    await intake?.close();
  });

  const postRaw = async (raw: string, headers: Record<string, string> = {}): Promise<Posted> => {
    const res = await fetch(`${url}${NOTIFICATION_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: raw,
    });
    const text = await res.text();
    const signature = res.headers.get('gt-authentication');
    return {
      http: res.status,
      body: JSON.parse(text) as Posted['body'],
      signed: verifyAckSignature(text, SANDBOX_SAMPLE.secret, signature),
      signature,
    };
  };
  return {
    get store() {
      return store();
    },
    get url() {
      return url;
    },
    logger,
    postRaw,
    /** `body` as JSON with `signature` (by default its own, made with the sandbox secret). */
    post: (body: unknown, signature = signNotification(body)) =>
      postRaw(JSON.stringify(body), { 'gt-authentication': signature }),
  };
}
