import type { BulkAction, BulkJob, BulkSelection } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export const ordersBulkApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    startBulkAction: build.mutation<BulkJob, { selection: BulkSelection; action: BulkAction }>({
      query: (body) => ({ url: '/orders/bulk', method: 'POST', body }),
      transformResponse: (res: { job: BulkJob }) => res.job,
    }),
    getBulkJob: build.query<BulkJob, string>({
      query: (id) => `/orders/bulk/${id}`,
      transformResponse: (res: { job: BulkJob }) => res.job,
      // Once the job has finished, whatever shows the orders it touched is stale: the list refreshes.
      async onQueryStarted(_id, { dispatch, queryFulfilled, getCacheEntry }) {
        const before = getCacheEntry().data;
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data && data.state !== 'running' && before?.state !== data.state) {
          dispatch(baseApi.util.invalidateTags(['Order', 'Timeline', { type: 'Queue', id: 'LIST' }]));
        }
      },
    }),
  }),
});

export const { useStartBulkActionMutation, useGetBulkJobQuery } = ordersBulkApi;
