import type { Actor, OrderStatus } from '@callboard/shared';

/**
 * In-process domain events: how one module reacts to another's change without importing its
 * internals (letters react to status changes, the live stream to everything). Handlers are
 * awaited in order, so an effect that must happen with the change (queueing its letter) happens
 * before the request answers; a handler that throws fails the emit.
 */
export type DomainEvents = {
  /** `followUpOf`: made by a call from another order (the call's own letter speaks for it). */
  'order.created': { orderId: string; actor: Actor; followUpOf?: string };
  'order.changed': { orderId: string };
  'order.statusChanged': {
    orderId: string;
    from: OrderStatus;
    to: OrderStatus;
    actor: Actor;
    message?: string;
    notifyClient?: boolean;
    notifyAdmin?: boolean;
  };
  /** A client gained a callable phone (added, or its invalid mark removed). */
  'client.phoneFixed': { clientId: string; actor: Actor };
  /** A client has no callable phone any more (the last one was marked invalid). */
  'client.contactLost': { clientId: string; actor: Actor };
  'letter.changed': { letterId: string; orderId: string | null; status: string };
  'queue.changed': { reason: string; orderId?: string; taskId?: string };
  /** A user's sessions were ended (password, role or disabled change), all but `keptSessionId`. */
  'user.sessionsEnded': { userId: string; keptSessionId: string | null };
};

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => Promise<void> | void;

const handlers: { [K in keyof DomainEvents]?: Handler<K>[] } = {};

export function onDomainEvent<K extends keyof DomainEvents>(name: K, handler: Handler<K>): () => void {
  const list = (handlers[name] ??= []) as Handler<K>[];
  list.push(handler);
  return () => {
    const i = list.indexOf(handler);
    if (i >= 0) list.splice(i, 1);
  };
}

export async function emitDomainEvent<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): Promise<void> {
  for (const handler of (handlers[name] ?? []) as Handler<K>[]) await handler(payload);
}
