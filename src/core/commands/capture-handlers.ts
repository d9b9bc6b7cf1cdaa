import type { CaptureEngine } from '../captures/capture-engine';
import { loadCaptureSettings, saveCaptureSettings } from '../captures/capture-settings';
import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';
import { workspaceOrRefuse } from './workspace-or-refuse';
import { currentActor } from '../access/actor';

type CaptureChannel = Extract<keyof CommandHandlers, `captures:${string}` | `capture-settings:${string}`>;

/** The active profile's store and capture engine, held for the length of one command (a profile switch waits for it). */
export type WithCaptureWorkspace = <T>(
  fn: (ws: { captures: CaptureEngine; store: WorkStore }) => Promise<T>,
) => Promise<T>;

/** The command table for the capture queue and its settings: each line delegates. */
export function createCaptureHandlers(
  withWorkspace: WithCaptureWorkspace | null,
): Pick<CommandHandlers, CaptureChannel> {
  const on = workspaceOrRefuse(withWorkspace, 'there is no capture queue');
  return {
    'captures:list': (page) => on(({ captures }) => captures.list(page)),
    'captures:rows': ({ tids }) => on(({ captures }) => captures.rows(tids)),
    'captures:detail': ({ tid }) => on(({ captures }) => captures.detail(tid)),
    'captures:capture': ({ tid }) => on(({ captures }) => captures.capture(tid)),
    'captures:void': (input) => on(({ captures }) => captures.void(input)),
    'captures:bulk': (input, ctx) => on(({ captures }) => captures.bulk(input, ctx.connection)),
    'captures:reconcile': ({ tid }) => on(({ captures }) => captures.reconcile(tid)),
    'capture-settings:get': () => on(({ store }) => loadCaptureSettings(store)),
    'capture-settings:save': (input) => on(({ store }) => saveCaptureSettings(store, input, currentActor().name)),
  };
}
