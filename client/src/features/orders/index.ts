// An order's data and the changes made to it; the orders list screen loads by its path.
export {
  ordersApi,
  useGetOrderQuery,
  useListOrdersQuery,
  useGetTimelineQuery,
  useAddOrderNoteMutation,
  useCreateOrderMutation,
  useUpdateOrderMutation,
  useChangeOrderStatusMutation,
  useDeleteOrderMutation,
  useAddPaymentMutation,
  useSendPaymentReminderMutation,
} from './api/orders-api';
