import { DeskError } from '../../shared/errors';
import type { WorkStore } from '../store/work-store';
import { loadTerminalSettings } from './terminal-settings';

/**
 * The caller check the agent says they went through (Settings › Terminal words it): every current line, or nothing is
 * sent. Checked here, not only in the screen, so a start sent straight to the core carries the same attestation, and
 * the audit records it in the agent's name.
 */
export async function confirmedCallerCheck(store: WorkStore, ticked: readonly string[]): Promise<string[]> {
  const lines = (await loadTerminalSettings(store)).callerCheck;
  const missing = lines.filter((line) => !ticked.includes(line));
  if (missing.length > 0)
    throw new DeskError(
      'VALIDATION',
      `Go through the caller check with the caller first: ${missing.length} of ${lines.length} ${lines.length === 1 ? 'line is' : 'lines are'} not confirmed, starting with "${missing[0]}". Nothing was sent.`,
      { field: 'callerCheck' },
    );
  return [...lines];
}
