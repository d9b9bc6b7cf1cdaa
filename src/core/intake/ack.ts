import { WEBHOOK_SIGNATURES } from '../praxis/signature-fields';
import { signBody } from '../praxis/signing';

export interface AckBody {
  /** 0 accepted; -1 asks Praxis to send again; >0 refused (resending the same message will not help). */
  status: number;
  description: string;
  version: '1.3';
  timestamp: number;
}

export interface SignedAnswer {
  httpStatus: number;
  body: AckBody;
  /** Gt-Authentication over the ASSUMED acknowledgement list (status, timestamp); null when no secret was available. */
  signature: string | null;
}

export function answer(
  httpStatus: number,
  status: number,
  description: string,
  secret: string | null,
  nowMs: number,
): SignedAnswer {
  const body: AckBody = { status, description, version: '1.3', timestamp: Math.floor(nowMs / 1000) };
  return {
    httpStatus,
    body,
    signature: secret ? signBody(body, WEBHOOK_SIGNATURES.notification.response.fields, secret) : null,
  };
}
