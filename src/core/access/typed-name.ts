/**
 * A name as typed into a name box, as the audit keeps it. Digits alone are most likely a PIN typed into the wrong box
 * (no operator may be named so: access-contract.ts), and the audit chain keeps what it is given for good: of those,
 * only how many there were.
 */
export const auditableTypedName = (typed: string): string =>
  /^\s*\d+\s*$/.test(typed) ? `(${typed.trim().length} digits, withheld: possibly a PIN)` : typed;
