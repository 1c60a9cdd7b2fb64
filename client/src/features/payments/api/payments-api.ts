import type { ConfirmPaymentBody, Order } from '@callboard/shared';
import { baseApi } from '../../../app/api';

/** What settling a payment check moves: the card, its history, the lists, the queue and the letters. */
const settled = (id: string) => [
  { type: 'Order' as const, id },
  { type: 'Order' as const, id: 'LIST' },
  { type: 'Timeline' as const, id },
  { type: 'Queue' as const, id: 'LIST' },
  { type: 'Letter' as const, id: 'LIST' },
];

export const paymentsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    confirmPaymentCheck: build.mutation<Order, { id: string; body: ConfirmPaymentBody }>({
      query: ({ id, body }) => ({ url: `/orders/${id}/payment-check/confirm`, method: 'POST', body }),
      transformResponse: (res: { order: Order }) => res.order,
      invalidatesTags: (_res, _err, { id }) => settled(id),
    }),
    reopenPaymentCheck: build.mutation<Order, string>({
      query: (id) => ({ url: `/orders/${id}/payment-check/reopen`, method: 'POST' }),
      transformResponse: (res: { order: Order }) => res.order,
      invalidatesTags: (_res, _err, id) => settled(id),
    }),
  }),
});

export const { useConfirmPaymentCheckMutation, useReopenPaymentCheckMutation } = paymentsApi;
