import { useEffect, useRef, useState } from 'react';
import { onTerminalChanged } from '../../api/terminal';
import { ScreenHeader } from '../../components/ScreenHeader';
import { terminalActions, useTerminal } from '../../stores/terminal';
import { SessionHistory } from './SessionHistory';
import { SessionPanel } from './SessionPanel';
import { TerminalForm } from './TerminalForm';
import './terminal.css';

/** The virtual terminal: a phone agent opens Praxis's card page for a caller and follows it to its outcome. */
export function TerminalScreen() {
  const active = useTerminal((s) => s.active);
  const sessionPanel = useRef<HTMLElement>(null);
  // Close takes away the focused panel: the form that replaces it puts the keyboard in its first field instead.
  const [closedHere, setClosedHere] = useState(false);
  const close = () => {
    setClosedHere(true);
    terminalActions.closeActive();
  };
  // A session shown from the history takes the keyboard, as one opened from the form does.
  const [showing, setShowing] = useState<string | null>(null);
  const show = (orderId: string) => {
    setShowing(orderId);
    void terminalActions.show(orderId);
  };
  useEffect(() => {
    if (!showing || active?.session.orderId !== showing) return;
    sessionPanel.current?.focus();
    setShowing(null);
  }, [active, showing]);
  useEffect(() => {
    void terminalActions.load();
    let soon: ReturnType<typeof setTimeout> | null = null;
    // Notifications and find-order answers arrive in bursts: one re-read after they settle.
    const off = onTerminalChanged(() => {
      soon ??= setTimeout(() => {
        soon = null;
        void terminalActions.refresh();
      }, 150);
    });
    return () => {
      off();
      if (soon) clearTimeout(soon);
    };
  }, []);
  return (
    <>
      <ScreenHeader title="Virtual terminal" />
      {active ? (
        <SessionPanel active={active} ref={sessionPanel} onClose={close} />
      ) : (
        <TerminalForm sessionPanel={sessionPanel} focusFirstField={closedHere} />
      )}
      <SessionHistory onShow={show} />
    </>
  );
}
