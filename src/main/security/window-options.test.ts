import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('main window options', () => {
  const opts = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = opts.webPreferences!;

  it('isolate the page from Node and Electron: context isolation, sandbox, no node integration anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('allow no webview, no insecure content, no web-security bypass and no experimental features', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('load only our bundled CommonJS preload, and stay hidden until painted', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(opts.show).toBe(false);
  });
});
