import { useEffect, useRef } from 'react';
import { DialogFrame } from './DialogFrame';

/**
 * What an open decision dialog becomes when its item leaves the queue before anything was sent from this window (a
 * colleague decided it at their desk, Praxis changed it): it says so and that nothing was sent, where it used to
 * vanish with whatever was being typed. `item`: "Request", "Hold". Nothing while this window's own send for the item
 * is on its way (`sending`): that send may take the row out before its answer closes the dialog, which is no news.
 */
export function LeftQueueNotice({
  item,
  tid,
  sending,
  onClose,
}: {
  item: string;
  tid: number;
  sending: boolean;
  onClose(): void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  // Enter (or Esc) closes it: the operator's hands are on the keys they were deciding with.
  useEffect(() => close.current?.focus(), [sending]);
  if (sending) return null;
  return (
    <DialogFrame title={`${item} ${tid} left the queue`} label={`${item} left the queue`} onCancel={onClose}>
      <p role="alert">
        It was decided or changed elsewhere (at another window or desk, or by Praxis) while this dialog was open.
        Nothing was sent from this window. Look it up (<kbd>G</kbd> <kbd>L</kbd>) to see what happened to it.
      </p>
      <div className="dialog-actions">
        <button type="button" className="primary" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </DialogFrame>
  );
}
