import { useParams } from 'react-router';
import { OrderCard } from './OrderCard';

/** The order card on its own URL (from the orders list, the client page or a shared link). */
export function OrderPage() {
  const { id } = useParams<{ id: string }>();
  return <OrderCard key={id} orderId={id!} onSaved={() => undefined} hotkeys />;
}
