import { Router } from 'express';
import { apiRoutes } from '../../http/route.js';
import { onDomainEvent } from '../../lib/domain-events.js';
import { sessionIsLive } from '../sessions/index.js';

export const eventsRoutes = apiRoutes(Router(), '/api/events', 'Events');

let heartbeatMs = 25_000;

/** Tests shorten the heartbeat, or lengthen it to show that something else closed a stream. */
export function setEventsHeartbeat(ms: number): void {
  heartbeatMs = ms;
}

/**
 * Live updates for open workbenches. Domain events are in-process: the embedded mode is one
 * server process, so every change is emitted where the browsers are connected. Several
 * processes on one MongoDB replica set would feed this stream from a change stream instead.
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

    const send = (event: 'queue' | 'order' | 'letter', data: Record<string, unknown>) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const close = () => {
      if (!res.writableEnded) res.end();
    };
    const unsubscribe = [
      onDomainEvent('user.sessionsEnded', (e) => {
        if (e.userId === user.id && e.keptSessionId !== req.sessionID) close();
      }),
      onDomainEvent('queue.changed', (e) =>
        send('queue', { reason: e.reason, orderId: e.orderId ?? null, taskId: e.taskId ?? null }),
      ),
      onDomainEvent('order.changed', (e) => send('order', { orderId: e.orderId })),
      onDomainEvent('order.created', (e) => send('order', { orderId: e.orderId, created: true })),
      onDomainEvent('order.statusChanged', (e) => send('order', { orderId: e.orderId, status: e.to })),
      onDomainEvent('letter.changed', (e) =>
        send('letter', { letterId: e.letterId, orderId: e.orderId, status: e.status }),
      ),
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
