import { TerminalStartInput } from '../../../../shared/ipc/terminal-contract';
import type { WireError } from '../../../../shared/errors';
import type { TerminalIntent } from '../../../../shared/terminal';

export interface TerminalDraft {
  cid: string;
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  phone: string;
  address: string;
  city: string;
  zip: string;
  intent: TerminalIntent;
  currency: string;
  amount: string;
  openAmount: boolean;
  gateway: string;
}

export const EMPTY_DRAFT: TerminalDraft = {
  cid: '',
  firstName: '',
  lastName: '',
  email: '',
  country: '',
  phone: '',
  address: '',
  city: '',
  zip: '',
  intent: 'payment',
  currency: 'EUR',
  amount: '',
  openAmount: false,
  gateway: '',
};

export const inputOf = (d: TerminalDraft) => ({
  intent: d.intent,
  customer: {
    cid: d.cid,
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    country: d.country.toUpperCase(),
    phone: d.phone,
    address: d.address,
    city: d.city,
    zip: d.zip,
  },
  currency: d.currency.toUpperCase(),
  amount: d.openAmount ? null : d.amount,
  ...(d.gateway ? { gateway: d.gateway } : {}),
});

/** Messages per form field (the contract's path without `customer.`), checked with the core's own schema. */
export function draftErrors(d: TerminalDraft): Record<string, string> {
  const r = TerminalStartInput.safeParse(inputOf(d));
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/** A core VALIDATION answer ("…: customer.email: …; amount: …") placed next to its fields. */
export function serverErrors(error: WireError): { fields: Record<string, string>; general: string | null } {
  if (error.code !== 'VALIDATION') return { fields: {}, general: error.message };
  const named = error.details?.field;
  if (typeof named === 'string') return { fields: { [named]: error.message }, general: null };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of error.message.replace(/^Invalid input for \S+: /, '').split('; ')) {
    const m = /^(?:customer\.)?([A-Za-z]+): (.+)$/s.exec(part);
    if (m) fields[m[1]!] = m[2]!;
    else rest.push(part);
  }
  return { fields, general: rest.length ? rest.join('; ') : null };
}
