import type { CreateUserBody, UpdateUserBody, User } from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

export type StaffName = Pick<User, 'id' | 'name' | 'role' | 'disabled'>;

export const usersApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    listUsers: build.query<User[], void>({
      query: () => '/users',
      transformResponse: (res: { items: User[] }) => res.items,
      providesTags: (res) => listTags('User', res),
    }),
    /** Every staff member's name (managers may read it): who is in charge, and whom a select offers (the enabled). */
    listStaffNames: build.query<StaffName[], void>({
      query: () => '/users/staff',
      transformResponse: (res: { items: StaffName[] }) => res.items,
      providesTags: [{ type: 'User', id: 'LIST' }],
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

export const { useListUsersQuery, useListStaffNamesQuery, useCreateUserMutation, useUpdateUserMutation } = usersApi;
