import type { LoginBody, SessionUser } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export type { SessionUser } from '@callboard/shared';

export const sessionApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getMe: build.query<SessionUser, void>({
      query: () => '/auth/me',
      transformResponse: (res: { user: SessionUser }) => res.user,
      providesTags: ['Me'],
    }),
    login: build.mutation<SessionUser, LoginBody>({
      query: (body) => ({ url: '/auth/login', method: 'POST', body }),
      transformResponse: (res: { user: SessionUser }) => res.user,
      // Another person may sign in on this browser: nothing cached may carry over.
      async onQueryStarted(_body, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled;
        dispatch(baseApi.util.resetApiState());
        dispatch(sessionApi.util.upsertQueryData('getMe', undefined, data));
      },
    }),
    logout: build.mutation<void, void>({
      query: () => ({ url: '/auth/logout', method: 'POST' }),
    }),
  }),
});

export const { useGetMeQuery, useLoginMutation, useLogoutMutation } = sessionApi;
