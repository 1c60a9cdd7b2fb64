import { Router } from 'express';
import { apiRoutes } from '../../http/route.js';
import { onDomainEvent, type DomainEvents } from '../../lib/domain-events.js';
import { sessionIsLive } from '../sessions/index.js';
import { onRemoteEvent, streamedEvents, streamMessage, type LiveEvent, type StreamedEvent } from './live-events.js';

export const eventsRoutes = apiRoutes(Router(), '/api/events', 'Events');

let heartbeatMs = 25_000;

/** Tests shorten the heartbeat, or lengthen it to show that something else closed a stream. */
export function setEventsHeartbeat(ms: number): void {
  heartbeatMs = ms;
}

/**
 * Live updates for open workbenches: this process's domain events, and (several processes on one
 * MongoDB) the other processes' ones as the live-event relay reads them.
 * A stream closes when its user's sessions are ended here (at once) or anywhere (at the next
 * heartbeat, which checks its session), and when the session passes its idle or absolute limit.
 */
eventsRoutes.get(
  '',
  {
    summary:
      'Server-sent events: "queue" (an item became due, was claimed or closed), "order" (an order changed), "letter" (a letter status changed)',
    access: 'staff',
    responses: { 200: 'text/event-stream' },
  },
  ({ req, res, user }) => {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 5000\n\n');

    const send = ({ event, data }: ReturnType<typeof streamMessage>) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const close = () => {
      if (!res.writableEnded) res.end();
    };
    const unsubscribe = [
      onDomainEvent('user.sessionsEnded', (e) => {
        if (e.userId === user.id && e.keptSessionId !== req.sessionID) close();
      }),
      ...streamedEvents.map((name) =>
        onDomainEvent(name, (payload: DomainEvents[StreamedEvent]) =>
          send(streamMessage({ name, payload } as LiveEvent)),
        ),
      ),
      onRemoteEvent((event) => send(streamMessage(event))),
    ];
    const heartbeat = setInterval(() => {
      // A database that does not answer is no reason to drop the workbench's stream.
      void sessionIsLive(req.sessionID)
        .catch(() => true)
        .then((live) => {
          if (!live) close();
          else if (!res.writableEnded) res.write(': heartbeat\n\n');
        });
    }, heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      for (const off of unsubscribe) off();
    });
    return undefined;
  },
);
