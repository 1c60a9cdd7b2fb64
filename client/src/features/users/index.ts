// The staff list (who can be assigned or filtered by) and its editing in admin.
export { useListUsersQuery, useCreateUserMutation, useUpdateUserMutation } from './api/users-api';
