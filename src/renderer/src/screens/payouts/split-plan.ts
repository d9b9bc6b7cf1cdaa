import { formatMoney, parseAmount } from '../../../../shared/money';

export interface SplitPartDraft {
  amountText: string;
  gateway: string;
}

export interface SplitPlan {
  /** Parsed parts, only when every part is valid and the plan can be sent. */
  parts: { amountMinor: number; gateway: string }[] | null;
  /** Per part, what is wrong with it (same index as the drafts). */
  partErrors: (string | null)[];
  allocatedMinor: number;
  /** What stays as the remaining request after the parts are paid; negative when over-allocated. */
  remainderMinor: number;
  /** A problem with the plan as a whole. */
  planError: string | null;
}

/** Checks a split as the operator types: each amount exact in the currency's minor units, gateway picked, total within the request. */
export function planSplit(
  /** What is left of the request: its amount less the parts already paid. */
  totalMinor: number,
  currency: string,
  drafts: readonly SplitPartDraft[],
): SplitPlan {
  const partErrors: (string | null)[] = [];
  const parsed: { amountMinor: number; gateway: string }[] = [];
  let allocated = 0;
  for (const d of drafts) {
    if (!d.amountText.trim()) {
      partErrors.push('Enter an amount.');
      continue;
    }
    const p = parseAmount(d.amountText, currency);
    if (!p.ok) {
      partErrors.push(p.message);
      continue;
    }
    if (p.amountMinor <= 0) {
      partErrors.push('A part must be more than zero.');
      continue;
    }
    allocated += p.amountMinor;
    if (!d.gateway) {
      partErrors.push('Pick a gateway for this part.');
      continue;
    }
    partErrors.push(null);
    parsed.push({ amountMinor: p.amountMinor, gateway: d.gateway });
  }
  const remainderMinor = totalMinor - allocated;
  let planError: string | null = null;
  if (drafts.length === 0) planError = 'Add at least one part.';
  else if (remainderMinor < 0)
    planError = `The parts add up to ${formatMoney(allocated, currency)}: ${formatMoney(-remainderMinor, currency)} over the ${formatMoney(totalMinor, currency)} left to pay. Lower a part.`;
  const ok = planError === null && partErrors.every((e) => e === null);
  return { parts: ok ? parsed : null, partErrors, allocatedMinor: allocated, remainderMinor, planError };
}
