import { describe, expect, it } from 'vitest';
import { auditActionWords } from './audit-action-words';

describe('an audit action as a person reads it', () => {
  it('says what was done in words, for single and bulk actions of each queue', () => {
    expect(auditActionWords('payouts:approve')).toBe('Approve payout');
    expect(auditActionWords('payouts:bulk-reject')).toBe('Bulk reject payouts');
    expect(auditActionWords('captures:void')).toBe('Void hold');
    expect(auditActionWords('terminal:open')).toBe('Open terminal payment page');
    expect(auditActionWords('session:sign-in-refused')).toBe('Sign-in refused');
  });

  it('keeps an action it has no words for as it was recorded, so nothing is hidden', () => {
    expect(auditActionWords('payouts:something-new')).toBe('payouts:something-new');
  });
});
