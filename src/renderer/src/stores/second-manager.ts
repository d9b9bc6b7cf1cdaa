import { create } from 'zustand';
import type { SecondManagerInput } from '../../../shared/access';
import type { Result } from '../../../shared/errors';

/** A change that weakens four-eyes is waiting for a second manager's name and PIN (the dialog in the frame). */
export interface SecondManagerState {
  asking: { message: string; answer: (given: SecondManagerInput | null) => void } | null;
}

export const useSecondManager = create<SecondManagerState>()(() => ({ asking: null }));

const ask = (message: string) =>
  new Promise<SecondManagerInput | null>((resolve) =>
    useSecondManager.setState({
      asking: {
        message,
        answer: (given) => {
          useSecondManager.setState({ asking: null });
          resolve(given);
        },
      },
    }),
  );

/**
 * Runs a change; when the core answers that it needs a second manager (FOUR_EYES), asks for one and sends it again
 * with their name and PIN, as long as the person keeps trying. Cancelling answers the core's last refusal.
 */
export async function withSecondManager<T>(
  send: (secondManager: SecondManagerInput | undefined) => Promise<Result<T>>,
): Promise<Result<T>> {
  let res = await send(undefined);
  while (!res.ok && res.error.code === 'FOUR_EYES') {
    const given = await ask(res.error.message);
    if (!given) return res;
    res = await send(given);
  }
  return res;
}
