import type { StatusLink } from '@callboard/shared';
import { baseApi } from '../../../app/api';

/** The order's link to the customer's own page: shown, made (or replaced) and revoked from the card. */
export const statusLinkApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getStatusLink: build.query<StatusLink | null, string>({
      query: (orderId) => `/orders/${orderId}/status-link`,
      transformResponse: (res: { link: StatusLink | null }) => res.link,
      // A letter with <$status_link> makes the link: the order's timeline moving is the cue to look again.
      providesTags: (_res, _err, orderId) => [{ type: 'Timeline', id: orderId }],
    }),
    createStatusLink: build.mutation<StatusLink, string>({
      query: (orderId) => ({ url: `/orders/${orderId}/status-link`, method: 'POST' }),
      async onQueryStarted(orderId, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled;
        dispatch(statusLinkApi.util.upsertQueryData('getStatusLink', orderId, data));
      },
    }),
    revokeStatusLink: build.mutation<void, string>({
      query: (orderId) => ({ url: `/orders/${orderId}/status-link`, method: 'DELETE' }),
      async onQueryStarted(orderId, { dispatch, queryFulfilled }) {
        await queryFulfilled;
        dispatch(statusLinkApi.util.upsertQueryData('getStatusLink', orderId, null));
      },
    }),
  }),
});

export const { useGetStatusLinkQuery, useCreateStatusLinkMutation, useRevokeStatusLinkMutation } = statusLinkApi;
