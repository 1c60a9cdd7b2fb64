import type { Call, Order, RecordCallBody } from '@callboard/shared';
import { baseApi } from '../../../app/api';
import type { CallTarget } from '../../call-outbox';
import { ordersApi } from '../../orders';

export type { CallTarget };

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
      // The answer carries the updated order, so the card needs no refetch. The queue and the
      // order's timeline follow from the server's live events, which keeps the workbench's next
      // claim from queueing behind refetches of a card that is about to close.
      async onQueryStarted({ target }, { dispatch, queryFulfilled }) {
        // A failed save is shown by the dialog; there is nothing to update then.
        const result = await queryFulfilled.catch(() => null);
        const order = result?.data.order;
        if (order && target.orderId === order.id) {
          dispatch(
            ordersApi.util.updateQueryData('getOrder', order.id, (draft) => {
              draft.order = order;
            }),
          );
        }
      },
      invalidatesTags: (_res, _err, { target }) => [
        { type: 'Call', id: `client:${target.clientId}` },
        ...(target.kind === 'task' ? [{ type: 'Task' as const, id: target.id }] : []),
      ],
    }),
  }),
});

export const { useRecordCallMutation } = callsApi;
