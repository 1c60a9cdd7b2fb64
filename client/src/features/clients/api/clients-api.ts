import type { Call, Client, ClientListItem, Order, Page, UpdateClientBody } from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

export const clientsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getClient: build.query<Client, string>({
      query: (id) => `/clients/${id}`,
      transformResponse: (res: { client: Client }) => res.client,
      providesTags: (_res, _err, id) => [{ type: 'Client', id }],
    }),
    listClients: build.query<Page<ClientListItem>, { q?: string; page: number; limit: number }>({
      query: ({ q, page, limit }) => ({ url: '/clients', params: { ...(q ? { q } : {}), page, limit } }),
      providesTags: (res) => listTags('Client', res?.items),
    }),
    updateClient: build.mutation<Client, { id: string; body: UpdateClientBody }>({
      query: ({ id, body }) => ({ url: `/clients/${id}`, method: 'PATCH', body }),
      transformResponse: (res: { client: Client }) => res.client,
      // A phone marked or fixed moves the client's orders out of or back into the queue.
      invalidatesTags: (_res, _err, { id, body }) => [
        { type: 'Client', id },
        { type: 'Client', id: 'LIST' },
        ...(body.phones
          ? [
              { type: 'Queue' as const, id: 'LIST' },
              { type: 'Order' as const, id: 'LIST' },
            ]
          : []),
      ],
    }),
    getClientOrders: build.query<Page<Order>, string>({
      query: (id) => `/clients/${id}/orders?limit=100`,
      providesTags: (res, _err, id) => [...listTags('Order', res?.items), { type: 'Client', id }],
    }),
    getClientCalls: build.query<Page<Call>, { clientId: string; kind: 'order' | 'task' }>({
      query: ({ clientId, kind }) => `/clients/${clientId}/calls?kind=${kind}&limit=100`,
      providesTags: (_res, _err, { clientId }) => [{ type: 'Call', id: `client:${clientId}` }],
    }),
    addClientNote: build.mutation<unknown, { clientId: string; text: string }>({
      query: ({ clientId, text }) => ({ url: `/clients/${clientId}/notes`, method: 'POST', body: { text } }),
      invalidatesTags: (_res, _err, { clientId }) => [{ type: 'Client', id: clientId }],
    }),
    deleteClientNote: build.mutation<unknown, { clientId: string; noteId: string }>({
      query: ({ clientId, noteId }) => ({ url: `/clients/${clientId}/notes/${noteId}`, method: 'DELETE' }),
      invalidatesTags: (_res, _err, { clientId }) => [{ type: 'Client', id: clientId }],
    }),
    confirmPendingContact: build.mutation<Client, { clientId: string; contactId: string }>({
      query: ({ clientId, contactId }) => ({
        url: `/clients/${clientId}/pending-contacts/${contactId}/confirm`,
        method: 'POST',
      }),
      transformResponse: (res: { client: Client }) => res.client,
      // A confirmed phone can put an order closed on an invalid number back in the queue.
      invalidatesTags: (_res, _err, { clientId }) => [
        { type: 'Client', id: clientId },
        { type: 'Queue', id: 'LIST' },
      ],
    }),
    dismissPendingContact: build.mutation<unknown, { clientId: string; contactId: string }>({
      query: ({ clientId, contactId }) => ({
        url: `/clients/${clientId}/pending-contacts/${contactId}`,
        method: 'DELETE',
      }),
      invalidatesTags: (_res, _err, { clientId }) => [{ type: 'Client', id: clientId }],
    }),
  }),
});

export const {
  useGetClientQuery,
  useListClientsQuery,
  useUpdateClientMutation,
  useGetClientOrdersQuery,
  useGetClientCallsQuery,
  useAddClientNoteMutation,
  useDeleteClientNoteMutation,
  useConfirmPendingContactMutation,
  useDismissPendingContactMutation,
} = clientsApi;
