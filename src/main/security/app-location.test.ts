import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appLocationFrom, isAppUrl } from './app-location';

const rendererDir = '/opt/Praxis Desk/resources/app.asar/out/renderer';
const built = appLocationFrom(undefined, rendererDir);
const dev = appLocationFrom('http://localhost:5173/', rendererDir);

describe('which URLs are the app', () => {
  it('built app: files inside the renderer folder only', () => {
    expect(isAppUrl(pathToFileURL(`${rendererDir}/index.html`).href, built)).toBe(true);
    expect(isAppUrl(pathToFileURL(`${rendererDir}/index.html`).href + '#/settings', built)).toBe(true);
    expect(isAppUrl(pathToFileURL(`${rendererDir}/../main/index.js`).href, built)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl(pathToFileURL(`${rendererDir}-evil/index.html`).href, built)).toBe(false);
    expect(isAppUrl('file://attacker.example/share/index.html', built)).toBe(false);
  });

  it('never a remote page, whatever the mode', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5174/',
      'https://gw.praxisgate.com/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(url, built), url).toBe(false);
      expect(isAppUrl(url, dev), url).toBe(false);
    }
  });

  it('dev: the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl(pathToFileURL(`${rendererDir}/index.html`).href, dev)).toBe(false);
  });
});
