/**
 * The one table of the desk's assumptions about Praxis that its behaviour rests on, where the docs leave the
 * answer open (api-reference §8). Each row says what is assumed, why, and the value used; README
 * "Praxis compatibility" lists the same rows. Correct a row here when Praxis support confirms or refutes it.
 * (Signature field lists keep their own table in signature-fields.ts.)
 */
export interface PraxisAssumption<T> {
  /** What the desk assumes, in one sentence an operator could check with Praxis support. */
  says: string;
  /** Where the docs leave it open. */
  openIn: string;
  value: T;
}

export const PRAXIS_ASSUMPTIONS = {
  /**
   * After a complete/cancel whose answer was lost, `requested` from find-transaction does not prove the action was
   * not applied (a payout still processing can show it). Only after this long, with no child payout stored, does
   * the desk call it not applied.
   */
  notAppliedAfterMs: {
    says: 'A withdrawal request still `requested`, with no payout of it known to the desk, 30 minutes after a complete or cancel whose answer was lost, was not changed by that call.',
    openIn: 'api-reference §8 items 10 and 13 (withdrawal-request statuses, idempotency)',
    value: 30 * 60_000,
  },
  /**
   * The capture queue's rule of the same kind: after a capture or void whose answer was lost, `authorized` from
   * find-transaction may be a capture still processing at the PSP. Only this long after the send does the desk call
   * the action not applied.
   */
  holdUnchangedAfterMs: {
    says: 'An authorization still `authorized` 30 minutes after a capture or void whose answer was lost was not changed by that call.',
    openIn: 'api-reference §3.3 (no idempotency or timing of capture-authorization) and §8 item 13',
    value: 30 * 60_000,
  },
  /**
   * What a hold that lapsed unreleased looks like: the docs list no `expired` transaction status (§6), and `cancelled`
   * is what a released hold shows; the simulator says why in status_details. A capture then meets "already cancelled".
   */
  lapsedHold: {
    says: 'An authorization whose hold lapsed without a capture shows transaction_status `cancelled`, with status_details saying it expired, and Praxis notifies it.',
    openIn: 'api-reference §6 (transaction statuses: no expired status) and §3.3',
    value: {
      status: 'cancelled',
      statusCode: '0',
      statusDetails: 'Authorization expired: the hold lapsed before it was captured',
    },
  },
  /**
   * Customer sync (§5.3) must answer a `balance`, and a withdrawal opened in the virtual terminal sends one (§4). The
   * desk has no wallet of its own and no CRM hook: it counts what its store knows of the customer in that currency.
   */
  balanceFromStore: {
    says: "A customer's withdrawable balance is the approved deposits (sales and captured holds) the desk's store knows for that cid and currency, minus the withdrawal requests it knows that were not cancelled or refused; a customer the store does not know in that currency has no known balance (0 in customer sync, not sent with a withdrawal).",
    openIn:
      "api-reference §5.3 (balance: where the merchant takes it from is the merchant's) and §4 (balance: null bypasses the check)",
    value: {
      deposits: ['sale', 'authorization'],
      depositStatus: 'approved',
      withdrawalsNotIn: ['cancelled', 'rejected', 'declined'],
    },
  },
  /**
   * How the desk learns how far its clock is from Praxis's: a gate refusal for the timestamp carries Praxis's own
   * `timestamp`; the difference from the one we sent is the offset the operator is told (the "Ns old" text is the
   * fallback). Until a call is answered normally again, money-moving calls are not sent (Praxis would refuse them).
   */
  clockFromRefusal: {
    says: "The `timestamp` in Praxis's answer to a request refused for its timestamp is Praxis's clock, in Unix seconds, when it answered; the desk's clock is off by the difference from the timestamp it sent.",
    openIn: 'api-reference §2.4 and §6.6 (timestamp window and its refusals; no clock field or Date header documented)',
    value: { source: 'refusal timestamp', fallback: 'Timestamp expired: Ns old' },
  },
} satisfies Record<string, PraxisAssumption<unknown>>;
