import mongoose from 'mongoose';
import type { Call, CallOutcome, Page, TimelineItem } from '@callboard/shared';
import { getClientDoc } from '../clients/index.js';
import { callAttachments } from '../attachments/index.js';
import { toActor } from '../../db/actor.js';
import { iso } from '../../db/dates.js';
import { CallModel, callMirror, type CallDoc } from './call.model.js';

export async function toCallDtos(docs: CallDoc[]): Promise<Call[]> {
  const attachments = await callAttachments(docs.flatMap((d) => (d.attachmentIds ?? []).map(String)));
  return docs.map((d) => ({
    id: String(d._id),
    kind: d.kind as Call['kind'],
    orderId: d.orderId ? String(d.orderId) : null,
    taskId: d.taskId ? String(d.taskId) : null,
    clientId: String(d.clientId),
    outcome: d.outcome as CallOutcome,
    comment: d.comment ?? null,
    at: d.at.toISOString(),
    by: toActor(d.by),
    phone: d.phone ?? null,
    callbackAt: iso(d.callbackAt),
    personal: !!d.personal,
    followUp: (d.followUp ?? null) as Call['followUp'],
    followUpOrderId: d.followUpOrderId ? String(d.followUpOrderId) : null,
    attachments: (d.attachmentIds ?? []).flatMap((id) => attachments.get(String(id)) ?? []),
    letterId: d.letterId ?? null,
    talkSeconds: d.talkSeconds ?? null,
    nextCallAt: iso(d.result?.nextCallAt),
    resultState: (d.result?.state ?? 'closed') as Call['resultState'],
  }));
}

/** The client card's "All order calls" / "All task calls" tabs. */
export async function listClientCalls(
  clientId: string,
  query: { kind: 'order' | 'task'; page: number; limit: number },
): Promise<Page<Call>> {
  await getClientDoc(clientId);
  const filter = { clientId: new mongoose.Types.ObjectId(clientId), kind: query.kind };
  const [docs, total] = await Promise.all([
    CallModel.find(filter)
      .sort({ at: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<CallDoc[]>(),
    CallModel.countDocuments(filter),
  ]);
  return { items: await toCallDtos(docs), total, page: query.page, limit: query.limit };
}

/** The order timeline's "call" entries (order calls, and calls of tasks linked to the order). */
export async function callTimeline(orderId: string): Promise<TimelineItem[]> {
  if (!mongoose.isValidObjectId(orderId)) return [];
  const docs = await callMirror.find({ orderId }, { sort: { at: -1 } });
  return (await toCallDtos(docs)).map((c) => ({
    id: `call:${c.id}`,
    type: 'call' as const,
    at: c.at,
    by: c.by,
    callId: c.id,
    kind: c.kind,
    taskId: c.taskId,
    outcome: c.outcome,
    comment: c.comment,
    attachments: c.attachments,
    letterId: c.letterId,
    callbackAt: c.callbackAt,
    nextCallAt: c.nextCallAt,
    followUpOrderId: c.followUpOrderId,
    phone: c.phone,
    talkSeconds: c.talkSeconds,
  }));
}
