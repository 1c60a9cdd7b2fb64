import type mongoose from 'mongoose';
import { bootId } from '../../lib/boot-id.js';
import { onDomainEvent, type DomainEvents } from '../../lib/domain-events.js';
import { logger } from '../../lib/logger.js';
import { onQueueChanged } from '../queue/index.js';
import { LiveEventModel } from './live-event.model.js';

/** The domain events an open workbench is told about. */
export const streamedEvents = [
  'queue.changed',
  'order.changed',
  'order.created',
  'order.statusChanged',
  'letter.changed',
] as const;
export type StreamedEvent = (typeof streamedEvents)[number];
export type LiveEvent = { [K in StreamedEvent]: { name: K; payload: DomainEvents[K] } }[StreamedEvent];

/** What a stream sends for an event: its SSE event name and data. */
export function streamMessage(e: LiveEvent): { event: 'queue' | 'order' | 'letter'; data: Record<string, unknown> } {
  switch (e.name) {
    case 'queue.changed':
      return {
        event: 'queue',
        data: { reason: e.payload.reason, orderId: e.payload.orderId ?? null, taskId: e.payload.taskId ?? null },
      };
    case 'order.changed':
      return { event: 'order', data: { orderId: e.payload.orderId } };
    case 'order.created':
      return { event: 'order', data: { orderId: e.payload.orderId, created: true } };
    case 'order.statusChanged':
      return { event: 'order', data: { orderId: e.payload.orderId, status: e.payload.to } };
    case 'letter.changed':
      return {
        event: 'letter',
        data: { letterId: e.payload.letterId, orderId: e.payload.orderId, status: e.payload.status },
      };
  }
}

const remoteListeners = new Set<(event: LiveEvent) => void>();

/** Events raised in other processes, for this process's streams (not re-emitted as domain events: their effects ran there). */
export function onRemoteEvent(listener: (event: LiveEvent) => void): () => void {
  remoteListeners.add(listener);
  return () => remoteListeners.delete(listener);
}

/** How far back each poll looks again: an event written by a slower writer or a clock a little behind is not missed. */
const overlapMs = 10_000;
const keepMs = 60 * 60 * 1000;

/**
 * Several processes on one MongoDB: each writes the events its streams show into `liveevents` and
 * reads the others' back every `pollMs`, so a workbench connected to any process sees every change.
 * A poll of an indexed time rather than a change stream, which needs a replica set and which
 * FerretDB lacks; a second or so of delay is nothing to a workbench. Returns the stop function.
 */
export function startLiveEventRelay(pollMs = 1_000): () => void {
  const offs = streamedEvents.map((name) =>
    // Not awaited: the change has happened whether or not the others hear of it at once.
    onDomainEvent(name, (payload) => {
      void LiveEventModel.create({ at: new Date(), origin: bootId, name, payload }).catch((err: unknown) =>
        logger.error(`Could not share the live event ${name} with other processes`, err),
      );
    }),
  );
  const seen = new Map<string, number>();
  let since = Date.now();
  let polling = false;
  let lastCleanup = 0;
  const poll = async () => {
    if (polling) return;
    polling = true;
    const started = Date.now();
    try {
      const records = await LiveEventModel.find({ at: { $gte: new Date(since - overlapMs) } })
        .sort({ at: 1 })
        .lean<{ _id: mongoose.Types.ObjectId; at: Date; origin: string; name: StreamedEvent; payload: never }[]>();
      for (const r of records) {
        const id = String(r._id);
        if (seen.has(id)) continue;
        seen.set(id, r.at.getTime());
        if (r.origin === bootId) continue;
        // A claim elsewhere needs no re-read here; anything that adds to the queue does (see onQueueChanged).
        if (r.name === 'queue.changed') onQueueChanged(r.payload);
        for (const listener of remoteListeners) listener({ name: r.name, payload: r.payload } as LiveEvent);
      }
      since = started;
      for (const [id, at] of seen) if (at < since - 2 * overlapMs) seen.delete(id);
      if (started - lastCleanup > 60_000) {
        lastCleanup = started;
        await LiveEventModel.deleteMany({ at: { $lt: new Date(started - keepMs) } });
      }
    } catch (err) {
      logger.error('Could not read the live events of other processes', err);
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const off of offs) off();
  };
}
