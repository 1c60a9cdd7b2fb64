import type { Client, NoteVisibility, Order, OrderListItem, Page, TimelineItem } from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

export type OrderWithClient = { order: Order; client: Client };

export const ordersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getOrder: build.query<OrderWithClient, string>({
      query: (id) => `/orders/${id}`,
      providesTags: (res, _err, id) => [{ type: 'Order', id }, ...(res ? [{ type: 'Client' as const, id: res.client.id }] : [])],
    }),
    listOrders: build.query<Page<OrderListItem>, { q?: string; page?: number }>({
      query: ({ q, page = 1 }) => ({ url: '/orders', params: { page, limit: 50, ...(q ? { q } : {}) } }),
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
  }),
});

export const { useGetOrderQuery, useListOrdersQuery, useGetTimelineQuery, useAddOrderNoteMutation } = ordersApi;
