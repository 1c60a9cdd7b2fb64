import type {
  ChangeStatusBody,
  Client,
  CreateOrderBody,
  NoteVisibility,
  Order,
  OrderListItem,
  Page,
  PaymentBody,
  TimelineItem,
  UpdateOrderBody,
} from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

export type OrderWithClient = { order: Order; client: Client };

/** GET /api/orders query parameters, as the server takes them (status is a comma list or `all`). */
export type OrderListArgs = {
  status?: string;
  year?: number;
  q?: string;
  managerId?: string;
  tag?: string;
  stage?: string;
  /** Query booleans travel as text. */
  paymentCheck?: 'true';
  needsContact?: 'true';
  page?: number;
  limit?: number;
};

/** Everything about one order that a change can move: the card, its history and the lists. */
const orderChanged = (id: string) => [
  { type: 'Order' as const, id },
  { type: 'Order' as const, id: 'LIST' },
  { type: 'Timeline' as const, id },
];

export const ordersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getOrder: build.query<OrderWithClient, string>({
      query: (id) => `/orders/${id}`,
      providesTags: (res, _err, id) => [
        { type: 'Order', id },
        ...(res ? [{ type: 'Client' as const, id: res.client.id }] : []),
      ],
    }),
    listOrders: build.query<Page<OrderListItem>, OrderListArgs>({
      query: ({ page = 1, limit = 50, ...filters }) => ({
        url: '/orders',
        params: {
          page,
          limit,
          ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')),
        },
      }),
      providesTags: (res) => listTags('Order', res?.items),
    }),
    getTimeline: build.query<TimelineItem[], string>({
      query: (id) => `/orders/${id}/timeline`,
      transformResponse: (res: { items: TimelineItem[] }) => res.items,
      providesTags: (_res, _err, id) => [{ type: 'Timeline', id }],
    }),
    addOrderNote: build.mutation<unknown, { orderId: string; text: string; visibility: NoteVisibility }>({
      query: ({ orderId, ...body }) => ({ url: `/orders/${orderId}/notes`, method: 'POST', body }),
      invalidatesTags: (_res, _err, { orderId }) => [{ type: 'Timeline', id: orderId }],
    }),
    createOrder: build.mutation<Order, CreateOrderBody>({
      query: (body) => ({ url: '/orders', method: 'POST', body }),
      transformResponse: (res: { order: Order }) => res.order,
      invalidatesTags: (res) => [
        { type: 'Order', id: 'LIST' },
        { type: 'Queue', id: 'LIST' },
        ...(res ? [{ type: 'Client' as const, id: res.clientId }] : []),
      ],
    }),
    updateOrder: build.mutation<Order, { id: string; body: UpdateOrderBody }>({
      query: ({ id, body }) => ({ url: `/orders/${id}`, method: 'PATCH', body }),
      transformResponse: (res: { order: Order }) => res.order,
      // The card shows the server's answer (its total) at once, not only after the refetch.
      async onQueryStarted({ id }, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.catch(() => null);
        if (answer)
          dispatch(
            ordersApi.util.updateQueryData('getOrder', id, (cached) => {
              cached.order = answer.data;
            }),
          );
      },
      invalidatesTags: (_res, _err, { id }) => orderChanged(id),
    }),
    changeOrderStatus: build.mutation<Order, { id: string; body: ChangeStatusBody }>({
      query: ({ id, body }) => ({ url: `/orders/${id}/status`, method: 'POST', body }),
      transformResponse: (res: { order: Order }) => res.order,
      invalidatesTags: (_res, _err, { id }) => [
        ...orderChanged(id),
        { type: 'Queue', id: 'LIST' },
        { type: 'Letter', id: 'LIST' },
      ],
    }),
    deleteOrder: build.mutation<void, string>({
      query: (id) => ({ url: `/orders/${id}`, method: 'DELETE' }),
      // Not the order's own tag: its card is being left, and a refetch would only answer 404.
      invalidatesTags: (_res, err) =>
        err
          ? []
          : [
              { type: 'Order', id: 'LIST' },
              { type: 'Queue', id: 'LIST' },
            ],
    }),
    addPayment: build.mutation<Order, { id: string; body: PaymentBody }>({
      query: ({ id, body }) => ({ url: `/orders/${id}/payments`, method: 'POST', body }),
      transformResponse: (res: { order: Order }) => res.order,
      // A payment may move the status: the order leaves (or rejoins) the queue and a status letter goes out.
      invalidatesTags: (_res, _err, { id }) => [
        ...orderChanged(id),
        { type: 'Queue', id: 'LIST' },
        { type: 'Letter', id: 'LIST' },
      ],
    }),
    sendPaymentReminder: build.mutation<unknown, string>({
      query: (id) => ({ url: `/orders/${id}/payment-reminder`, method: 'POST' }),
      invalidatesTags: (_res, _err, id) => [
        { type: 'Timeline', id },
        { type: 'Letter', id: 'LIST' },
      ],
    }),
  }),
});

export const {
  useGetOrderQuery,
  useListOrdersQuery,
  useGetTimelineQuery,
  useAddOrderNoteMutation,
  useCreateOrderMutation,
  useUpdateOrderMutation,
  useChangeOrderStatusMutation,
  useDeleteOrderMutation,
  useAddPaymentMutation,
  useSendPaymentReminderMutation,
} = ordersApi;
