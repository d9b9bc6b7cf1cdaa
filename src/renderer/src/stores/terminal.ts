import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { RecentCustomer, TerminalPrefill, TerminalSettings } from '../../../shared/ipc/terminal-contract';
import type {
  TerminalCustomer,
  TerminalGatewayOption,
  TerminalIntent,
  TerminalSession,
  TerminalStart,
} from '../../../shared/terminal';
import { callTerminal, type TerminalInput } from '../api/terminal';
import { desk } from '../api/desk';

interface TerminalState {
  /** The session on screen: its hosted page (browser host) and its outcome. */
  active: TerminalStart | null;
  history: TerminalSession[];
  recent: RecentCustomer[];
  gateways: TerminalGatewayOption[];
  settings: TerminalSettings | null;
  /** Electron shows the page in its own window; the browser host frames it. */
  host: 'electron' | 'browser-host' | null;
  sending: boolean;
  error: WireError | null;
  /** A form to start from: the customer and amount of an item the agent came from (Lookup). */
  prefill: TerminalPrefill | null;
}

export const useTerminal = create<TerminalState>(() => ({
  active: null,
  history: [],
  recent: [],
  gateways: [],
  settings: null,
  host: null,
  sending: false,
  error: null,
  prefill: null,
}));

const set = useTerminal.setState;

// The session on screen outlives a reload of this window (the tab's sessionStorage): a reload mid-call brings it
// back, its card page with it. Only the order id is kept; the page comes from the core again.
const ON_SCREEN_KEY = 'praxis-desk.terminal-session';
useTerminal.subscribe((s, before) => {
  const orderId = s.active?.session.orderId ?? null;
  if (orderId === (before.active?.session.orderId ?? null)) return;
  if (orderId) sessionStorage.setItem(ON_SCREEN_KEY, orderId);
  else sessionStorage.removeItem(ON_SCREEN_KEY);
});

export const terminalActions = {
  /** Another person at this window: the session on screen was the last agent's call, not theirs. */
  forget() {
    set({ active: null, error: null, prefill: null });
  },

  async load() {
    const [history, recent, settings, info] = await Promise.all([
      callTerminal('terminal:history', {}),
      callTerminal('terminal:recent-customers', {}),
      callTerminal('terminal-settings:get', {}),
      desk().app.info(),
    ]);
    set({
      history: history.ok ? history.data : [],
      recent: recent.ok ? recent.data : [],
      settings: settings.ok ? settings.data : null,
      host: info.ok ? info.data.host : null,
      error: history.ok ? null : history.error,
    });
    // Another profile's session (after a switch) is not found here: the form, with nothing to say.
    const onScreen = sessionStorage.getItem(ON_SCREEN_KEY);
    if (onScreen && !useTerminal.getState().active) {
      const r = await callTerminal('terminal:reopen', { orderId: onScreen });
      if (r.ok && !useTerminal.getState().active) set({ active: r.data });
      if (!r.ok) sessionStorage.removeItem(ON_SCREEN_KEY);
    }
  },

  /** Shows a session of the history: its outcome, and its page while it is open (for the agent who opened it). */
  async show(orderId: string) {
    const r = await callTerminal('terminal:reopen', { orderId });
    if (r.ok) set({ active: r.data, error: null, prefill: null });
    else set({ error: r.error });
  },

  async loadGateways(intent: TerminalIntent) {
    const r = await callTerminal('terminal:gateway-options', { intent });
    set({ gateways: r.ok ? r.data : [] });
  },

  /** Opens a session; the answer is a field error, a refusal, or the page to show. */
  async start(input: TerminalInput<'terminal:start'>): Promise<WireError | null> {
    set({ sending: true, error: null });
    try {
      const r = await callTerminal('terminal:start', input);
      if (!r.ok) {
        set({ error: r.error });
        return r.error;
      }
      set({ active: r.data });
      return null;
    } finally {
      set({ sending: false });
      void terminalActions.refresh();
    }
  },

  async retry(orderId: string, gateway?: string) {
    set({ sending: true, error: null });
    try {
      const r = await callTerminal('terminal:retry', { orderId, ...(gateway ? { gateway } : {}) });
      if (r.ok) set({ active: r.data });
      else set({ error: r.error });
    } finally {
      set({ sending: false });
      void terminalActions.refresh();
    }
  },

  /** Reads history (and the active session's outcome) again from the store. */
  async refresh() {
    const [history, recent] = await Promise.all([
      callTerminal('terminal:history', {}),
      callTerminal('terminal:recent-customers', {}),
    ]);
    if (recent.ok) set({ recent: recent.data });
    if (!history.ok) return;
    const active = useTerminal.getState().active;
    const now = active ? history.data.find((s) => s.orderId === active.session.orderId) : undefined;
    set({ history: history.data, ...(active && now ? { active: { ...active, session: now } } : {}) });
  },

  /** What the desk knows of a typed cid (an earlier session, else Praxis's details); null when nothing. */
  async knownCustomer(cid: string): Promise<TerminalCustomer | null> {
    const r = await callTerminal('terminal:customer', { cid });
    return r.ok ? r.data : null;
  },

  /** Fills a new session's form from a stored transaction's customer, currency and amount. */
  async prefillFrom(tid: number): Promise<WireError | null> {
    const r = await callTerminal('terminal:prefill', { tid });
    if (!r.ok) return r.error;
    set({ prefill: r.data, active: null, error: null });
    return null;
  },

  clearPrefill() {
    set({ prefill: null });
  },

  closeActive() {
    set({ active: null, error: null });
  },
};
