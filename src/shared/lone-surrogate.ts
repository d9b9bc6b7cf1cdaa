/**
 * Half of a UTF-16 surrogate pair without its other half (a broken emoji, say): no well-formed text holds one, and
 * PostgreSQL's jsonb refuses it.
 */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
