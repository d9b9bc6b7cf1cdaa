/** The typed Agent API / Virtual Terminal client (api-reference §3, §4). */
import type { z } from 'zod';
import { PraxisError } from './praxis-error';
import {
  AvailableGatewaysInputSchema,
  AvailableGatewaysResponseSchema,
  FindOrderResponseSchema,
  FindTransactionResponseSchema,
  GatewayHashSchema,
  GatewayOptionsInputSchema,
  GatewayOptionsResponseSchema,
  ManageResponseSchema,
  OrderIdSchema,
  SplitInputSchema,
  TidSchema,
  VirtualTerminalInputSchema,
  VirtualTerminalResponseSchema,
  type AvailableGatewaysInput,
  type AvailableGatewaysResponse,
  type FindOrderResponse,
  type FindTransactionResponse,
  type GatewayOptionsInput,
  type GatewayOptionsResponse,
  type ManageResponse,
  type SplitInput,
  type VirtualTerminalInput,
  type VirtualTerminalResponse,
} from './schemas';
import { AGENT_SIGNATURES, CASHIER_SIGNATURES } from './signature-fields';
import { createPraxisTransport, type TransportOptions } from './transport';

export type PraxisClientOptions = TransportOptions;

export interface PraxisClient {
  readonly baseUrl: string;
  findOrder(orderId: string): Promise<FindOrderResponse>;
  findTransaction(tid: number): Promise<FindTransactionResponse>;
  captureAuthorization(tid: number): Promise<ManageResponse>;
  cancelAuthorization(tid: number): Promise<ManageResponse>;
  completeWithdrawalRequest(withdrawalRequestId: number, gateway: string): Promise<ManageResponse>;
  cancelWithdrawalRequest(withdrawalRequestId: number): Promise<ManageResponse>;
  splitWithdrawalRequest(input: SplitInput): Promise<ManageResponse>;
  getAvailableGateways(input: AvailableGatewaysInput): Promise<AvailableGatewaysResponse>;
  getGatewayOptions(input?: GatewayOptionsInput): Promise<GatewayOptionsResponse>;
  openVirtualTerminal(input: VirtualTerminalInput): Promise<VirtualTerminalResponse>;
}

/** Methods whose effect is money moving (or a session that can take money): they go through the journal. */
export const MONEY_MOVING_METHODS = [
  'captureAuthorization',
  'cancelAuthorization',
  'completeWithdrawalRequest',
  'cancelWithdrawalRequest',
  'splitWithdrawalRequest',
  'openVirtualTerminal',
] as const satisfies readonly (keyof PraxisClient)[];
export type MoneyMovingMethod = (typeof MONEY_MOVING_METHODS)[number];

/** Parses a caller's input; a bad value is VALIDATION naming the field, and nothing is sent. */
function checked<T>(schema: z.ZodType<T>, value: unknown, method: string, movesMoney: boolean): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const where = r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
  throw new PraxisError('VALIDATION', `Cannot send ${method}: ${where}. Nothing was sent to Praxis.`, {
    method,
    movesMoney,
  });
}

export function createPraxisClient(opts: PraxisClientOptions): PraxisClient {
  const t = createPraxisTransport(opts);
  const agent = (name: keyof typeof AGENT_SIGNATURES) => ({
    method: name,
    path: `/agent/${name}`,
    signatures: AGENT_SIGNATURES[name],
  });

  const manageTransaction = async (intent: 'capture-authorization' | 'cancel-authorization', tid: number) =>
    t.call({
      ...agent('manage-transaction'),
      movesMoney: true,
      schema: ManageResponseSchema,
      fields: { intent, tid: checked(TidSchema, tid, 'manage-transaction', true) },
    });

  return {
    baseUrl: t.baseUrl,
    findOrder: async (orderId) =>
      t.call({
        ...agent('find-order'),
        movesMoney: false,
        schema: FindOrderResponseSchema,
        fields: { order_id: checked(OrderIdSchema, orderId, 'find-order', false) },
      }),
    findTransaction: async (tid) =>
      t.call({
        ...agent('find-transaction'),
        movesMoney: false,
        schema: FindTransactionResponseSchema,
        fields: { tid: checked(TidSchema, tid, 'find-transaction', false) },
      }),
    captureAuthorization: async (tid) => manageTransaction('capture-authorization', tid),
    cancelAuthorization: async (tid) => manageTransaction('cancel-authorization', tid),
    completeWithdrawalRequest: async (withdrawalRequestId, gateway) =>
      t.call({
        ...agent('manage-withdrawal-request'),
        movesMoney: true,
        schema: ManageResponseSchema,
        fields: {
          intent: 'complete-withdrawal-request',
          withdrawal_request_id: checked(TidSchema, withdrawalRequestId, 'manage-withdrawal-request', true),
          gateway: checked(GatewayHashSchema, gateway, 'manage-withdrawal-request', true),
        },
      }),
    cancelWithdrawalRequest: async (withdrawalRequestId) =>
      t.call({
        ...agent('manage-withdrawal-request'),
        movesMoney: true,
        schema: ManageResponseSchema,
        fields: {
          intent: 'cancel-withdrawal-request',
          withdrawal_request_id: checked(TidSchema, withdrawalRequestId, 'manage-withdrawal-request', true),
        },
      }),
    splitWithdrawalRequest: async (input) => {
      const i = checked(SplitInputSchema, input, 'split-withdrawal-request', true);
      return t.call({
        ...agent('split-withdrawal-request'),
        movesMoney: true,
        schema: ManageResponseSchema,
        fields: {
          amount: i.amountMinor,
          currency: i.currency,
          withdrawal_request_id: i.withdrawalRequestId,
          order_id: i.orderId,
          gateway: i.gateway,
        },
      });
    },
    getAvailableGateways: async (input) => {
      const i = checked(AvailableGatewaysInputSchema, input, 'get-available-gateways', false);
      return t.call({
        ...agent('get-available-gateways'),
        movesMoney: false,
        schema: AvailableGatewaysResponseSchema,
        fields: {
          transaction_type: i.transactionType,
          currency: i.currency,
          country: i.country,
          cid: i.cid,
          amount: i.amountMinor,
          payment_method: i.paymentMethod,
        },
      });
    },
    getGatewayOptions: async (input = {}) => {
      const i = checked(GatewayOptionsInputSchema, input, 'get-gateway-options', false);
      return t.call({
        ...agent('get-gateway-options'),
        movesMoney: false,
        schema: GatewayOptionsResponseSchema,
        fields: { transaction_type: i.transactionType, gateway: i.gateway },
      });
    },
    openVirtualTerminal: async (input) => {
      const i = checked(VirtualTerminalInputSchema, input, 'virtual-terminal', true);
      return t.call({
        method: 'virtual-terminal',
        path: '/cashier/virtual-terminal',
        signatures: CASHIER_SIGNATURES['virtual-terminal'],
        movesMoney: true,
        schema: VirtualTerminalResponseSchema,
        fields: {
          intent: i.intent,
          currency: i.currency,
          amount: i.amountMinor,
          cid: i.cid,
          order_id: i.orderId,
          agent_name: i.agentName,
          customer_data: i.customerData,
          notification_url: i.notificationUrl,
          validation_url: i.validationUrl,
          balance: i.balanceMinor,
          return_url: i.returnUrl,
          gateway: i.gateway,
          payment_method: i.paymentMethod,
          locale: i.locale,
        },
      });
    },
  };
}
