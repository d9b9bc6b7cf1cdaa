import type { z } from 'zod';
import { terminalContract, type TerminalSettings } from '../../shared/ipc/terminal-contract';
import { settingsSlot } from '../store/settings-slot';

export const DEFAULT_TERMINAL_SETTINGS: TerminalSettings = {
  depositMaxMinor: {},
  depositMinMinor: {},
  callerCheck: [
    'Identity: the caller confirmed their full name, date of birth and the email on file.',
    'Amount: you read the amount and currency back, in words, and the caller agreed.',
    'Consent: the caller asked for this deposit or withdrawal now, and the card or account it uses is theirs.',
  ],
};

/** Desk-wide terminal settings (validation limits, caller-check text); defaults until someone saves. */
export const { load: loadTerminalSettings, save: saveTerminalSettings } = settingsSlot(
  'terminal-settings',
  terminalContract['terminal-settings:save'].input as unknown as z.ZodType<TerminalSettings>,
  DEFAULT_TERMINAL_SETTINGS,
);
