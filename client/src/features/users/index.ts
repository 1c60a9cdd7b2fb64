// The staff list (who can be assigned or filtered by) and its editing in admin.
export {
  useListUsersQuery,
  useListStaffNamesQuery,
  useCreateUserMutation,
  useUpdateUserMutation,
  type StaffName,
} from './api/users-api';
