import type { FloorReport, SummaryQuery, SummaryReport } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export const reportsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /**
     * Every claim, release and recorded call is a queue event, and queue events invalidate the queue
     * tag (batched by the live connection): the floor is refetched with the workbenches' due count.
     */
    getFloor: build.query<FloorReport, void>({
      query: () => '/reports/floor',
      providesTags: [{ type: 'Queue', id: 'LIST' }],
    }),
    getSummary: build.query<SummaryReport, SummaryQuery>({
      query: (params) => ({ url: '/reports/summary', params }),
    }),
    /** An admin frees a held item; the floor and the due counts follow from the invalidation and the live event. */
    releaseClaim: build.mutation<void, string>({
      query: (itemId) => ({ url: `/queue/claims/${itemId}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Queue', id: 'LIST' }],
    }),
  }),
});

export const { useGetFloorQuery, useGetSummaryQuery, useReleaseClaimMutation } = reportsApi;
