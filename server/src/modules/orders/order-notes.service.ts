import type { Actor, NoteVisibility, OrderNote, OrderNoteBody } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { OrderNoteModel, orderNoteMirror, type OrderNoteDoc } from './order-note.model.js';
import { getOrderDoc } from './order.service.js';
import { toActor } from '../../db/actor.js';

function toOrderNote(doc: OrderNoteDoc): OrderNote {
  return {
    id: String(doc._id),
    orderId: String(doc.orderId),
    text: doc.text,
    visibility: doc.visibility as NoteVisibility,
    at: doc.at.toISOString(),
    by: toActor(doc.by),
  };
}

export async function addOrderNote(orderId: string, body: OrderNoteBody, actor: Actor): Promise<OrderNote> {
  const order = await getOrderDoc(orderId);
  const doc = await OrderNoteModel.create({
    orderId: order._id,
    text: body.text,
    visibility: body.visibility,
    at: clock.now(),
    by: actor,
  });
  await emitDomainEvent('order.changed', { orderId });
  return toOrderNote(doc.toObject() as OrderNoteDoc);
}

/** The order's notes, newest first; `public` only for what the customer may see. */
export async function listOrderNotes(orderId: string, visibility?: NoteVisibility): Promise<OrderNote[]> {
  const docs = await orderNoteMirror.find({ orderId, ...(visibility ? { visibility } : {}) }, { sort: { at: -1 } });
  return docs.map(toOrderNote);
}
