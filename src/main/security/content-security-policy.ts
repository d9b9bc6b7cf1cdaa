/**
 * The Content-Security-Policy sent with every page of the app: only our own files, no remote scripts,
 * no plugins, no framing. The dev server needs inline scripts/styles and its HMR socket, and nothing more.
 */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  if (devServerOrigin) {
    // Vite's React refresh preamble and CSS injection are inline; HMR talks over a WebSocket to the dev server.
    directives['script-src']!.push("'unsafe-inline'", devServerOrigin);
    directives['style-src']!.push("'unsafe-inline'");
    directives['connect-src']!.push(devServerOrigin, devServerOrigin.replace(/^http/, 'ws'));
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
