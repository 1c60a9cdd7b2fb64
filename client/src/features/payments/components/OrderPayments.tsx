import { useGetOrderQuery } from '../../orders';
import { PaymentsTable } from './PaymentsTable';

/** The card's payments tab: the order is already in the cache, so this reads it without a request. */
export function OrderPayments({ orderId }: { orderId: string }) {
  const { data } = useGetOrderQuery(orderId);
  return data ? <PaymentsTable order={data.order} /> : null;
}
