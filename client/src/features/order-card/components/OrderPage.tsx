import { useParams } from 'wouter';
import { baseApi } from '../../../app/api';
import { useAppDispatch } from '../../../app/store';
import { OrderCard } from './OrderCard';

/** The order card on its own URL (from the orders list, the client page or a shared link). */
export function OrderPage() {
  const { id } = useParams<{ id: string }>();
  const dispatch = useAppDispatch();
  // Here the card stays open after a call, so its history shows the call at once.
  const onSaved = () => dispatch(baseApi.util.invalidateTags([{ type: 'Timeline', id: id! }]));
  return <OrderCard key={id} orderId={id!} onSaved={onSaved} hotkeys />;
}
