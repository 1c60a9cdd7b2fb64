import { useEffect } from 'react';
import { baseApi } from '../../../app/api';
import { useAppDispatch } from '../../../app/store';

type EventPayload = { orderId?: string; id?: string; clientId?: string };

function parse(data: string): EventPayload {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as EventPayload) : {};
  } catch {
    return {};
  }
}

/**
 * Server-sent events only say what changed; RTK Query refetches what is on screen. EventSource
 * reconnects by itself after a network drop.
 */
export function useLiveEvents(enabled: boolean) {
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const onQueue = () => dispatch(baseApi.util.invalidateTags([{ type: 'Queue', id: 'LIST' }]));
    const onOrder = (e: MessageEvent<string>) => {
      const { orderId, id, clientId } = parse(e.data);
      const order = orderId ?? id;
      dispatch(
        baseApi.util.invalidateTags(
          order
            ? [{ type: 'Order', id: order }, { type: 'Timeline', id: order }, ...(clientId ? [{ type: 'Client' as const, id: clientId }] : [])]
            : ['Order', 'Timeline'],
        ),
      );
    };
    const onLetter = (e: MessageEvent<string>) => {
      const { orderId } = parse(e.data);
      dispatch(baseApi.util.invalidateTags(orderId ? [{ type: 'Timeline', id: orderId }] : ['Timeline']));
    };
    source.addEventListener('queue', onQueue);
    source.addEventListener('order', onOrder);
    source.addEventListener('letter', onLetter);
    // After a reconnect, anything may have changed while we were away.
    source.addEventListener('open', onQueue);
    return () => source.close();
  }, [enabled, dispatch]);
}
