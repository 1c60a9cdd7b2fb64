import type { Call, Order, RecordCallBody } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export type CallTarget = { kind: 'order' | 'task'; id: string; orderId: string | null; clientId: string };

export type RecordCallResult = { call: Call; order?: Order; newOrder?: Order };

export const callsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    recordCall: build.mutation<RecordCallResult, { target: CallTarget; body: RecordCallBody; idempotencyKey: string }>({
      query: ({ target, body, idempotencyKey }) => ({
        url: target.kind === 'order' ? `/orders/${target.id}/calls` : `/tasks/${target.id}/calls`,
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
      invalidatesTags: (_res, _err, { target }) => [
        { type: 'Queue', id: 'LIST' },
        { type: 'Call', id: `client:${target.clientId}` },
        { type: 'Client', id: target.clientId },
        ...(target.orderId ? [{ type: 'Order' as const, id: target.orderId }, { type: 'Timeline' as const, id: target.orderId }] : []),
        ...(target.kind === 'task' ? [{ type: 'Task' as const, id: target.id }] : []),
      ],
    }),
  }),
});

export const { useRecordCallMutation } = callsApi;
