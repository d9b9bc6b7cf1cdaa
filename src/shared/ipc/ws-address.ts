/** Where the page's socket connects on the browser host (no zod here: the page's first script imports it). */
export const WS_PATH = '/desk-ws';
/** The per-run token travels in the page URL's fragment (never sent to the server by the browser) and then as this query parameter. */
export const WS_TOKEN_PARAM = 'token';
