import { useEffect } from 'react';
import { baseApi, type TagType } from '../../../app/api';
import { useAppDispatch } from '../../../app/store';

type EventPayload = { orderId?: string | null; clientId?: string | null; reason?: string };
type Tag = TagType | { type: TagType; id: string };

function parse(data: string): EventPayload {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as EventPayload) : {};
  } catch {
    return {};
  }
}

/** Events arrive in bursts (a save emits several); refetch once per burst, after this quiet time. */
const BATCH_MS = 1000;
/**
 * Every claim and save by any manager changes the queue; the due count is refetched at most this
 * often, so a busy team does not multiply its own load on the server.
 */
const QUEUE_BATCH_MS = 5000;

/**
 * Server-sent events only say what changed; RTK Query refetches what is on screen. Batching
 * keeps those refetches from competing with the manager's own save and claim on the server.
 * EventSource reconnects by itself after a network drop.
 */
export function useLiveEvents() {
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const batcher = (ms: number) => {
      const pending = new Map<string, Tag>();
      let timer: ReturnType<typeof setTimeout> | null = null;
      return (tags: Tag[]) => {
        for (const tag of tags) pending.set(typeof tag === 'string' ? tag : `${tag.type}:${tag.id}`, tag);
        if (timer) return;
        timer = setTimeout(() => {
          timers.delete(timer!);
          timer = null;
          const batch = [...pending.values()];
          pending.clear();
          dispatch(baseApi.util.invalidateTags(batch));
        }, ms);
        timers.add(timer);
      };
    };
    const invalidate = batcher(BATCH_MS);
    const invalidateQueue = batcher(QUEUE_BATCH_MS);
    const orderTags = (orderId: string | null | undefined): Tag[] =>
      orderId
        ? [
            { type: 'Order', id: orderId },
            { type: 'Timeline', id: orderId },
          ]
        : ['Order', 'Timeline'];

    const source = new EventSource('/api/events', { withCredentials: true });
    const onQueue = (e: MessageEvent<string>) => {
      const { orderId, reason } = parse(e.data);
      // Claims and releases change only the queue; a recorded call also adds to the order's history.
      invalidateQueue([{ type: 'Queue', id: 'LIST' }]);
      if (reason === 'call.recorded' && orderId) invalidate([{ type: 'Timeline', id: orderId }]);
    };
    const onOrder = (e: MessageEvent<string>) => {
      const { orderId, clientId } = parse(e.data);
      invalidate([...orderTags(orderId), ...(clientId ? [{ type: 'Client' as const, id: clientId }] : [])]);
    };
    const onLetter = (e: MessageEvent<string>) => {
      const { orderId } = parse(e.data);
      invalidate(orderId ? [{ type: 'Timeline', id: orderId }] : ['Timeline']);
    };
    // After a reconnect, anything may have changed while we were away.
    const onOpen = () => invalidateQueue([{ type: 'Queue', id: 'LIST' }]);
    source.addEventListener('queue', onQueue);
    source.addEventListener('order', onOrder);
    source.addEventListener('letter', onLetter);
    source.addEventListener('open', onOpen);
    return () => {
      source.close();
      timers.forEach(clearTimeout);
    };
  }, [dispatch]);
}

/** The live connection of a signed-in user, as a component the shell loads after its first paint. */
export function LiveEvents() {
  useLiveEvents();
  return null;
}
