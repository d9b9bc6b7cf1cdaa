import { createHash } from 'node:crypto';

/** What is kept of a message no one authenticated: enough to recognise and count it, not the whole body. */
export interface BodyDigest {
  sha256: string;
  bytes: number;
  /** The first characters, for an operator reading the record. */
  head: string;
}

export const BODY_HEAD_CHARS = 256;

export function digestBody(raw: string): BodyDigest {
  return {
    sha256: createHash('sha256').update(raw).digest('hex'),
    bytes: Buffer.byteLength(raw),
    head: raw.slice(0, BODY_HEAD_CHARS),
  };
}
