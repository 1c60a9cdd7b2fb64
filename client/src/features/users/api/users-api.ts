import type { CreateUserBody, UpdateUserBody, User } from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

export const usersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    listUsers: build.query<User[], void>({
      query: () => '/users',
      transformResponse: (res: { items: User[] }) => res.items,
      providesTags: (res) => listTags('User', res),
    }),
    createUser: build.mutation<User, CreateUserBody>({
      query: (body) => ({ url: '/users', method: 'POST', body }),
      transformResponse: (res: { user: User }) => res.user,
      invalidatesTags: [{ type: 'User', id: 'LIST' }],
    }),
    updateUser: build.mutation<User, { id: string; body: UpdateUserBody }>({
      query: ({ id, body }) => ({ url: `/users/${id}`, method: 'PATCH', body }),
      transformResponse: (res: { user: User }) => res.user,
      invalidatesTags: (_res, _err, { id }) => [
        { type: 'User', id },
        { type: 'User', id: 'LIST' },
      ],
    }),
  }),
});

export const { useListUsersQuery, useCreateUserMutation, useUpdateUserMutation } = usersApi;
