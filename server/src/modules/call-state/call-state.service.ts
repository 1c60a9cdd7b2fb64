import type mongoose from 'mongoose';
import type { Model } from 'mongoose';
import type { NextCall } from '@callboard/shared';
import { updateByIdIf } from '../../db/guarded-update.js';
import type { MemoryMirror, MirroredDoc } from '../../db/memory-mirror.js';
import type { WithCallState } from './call-state.model.js';
import { callNotYetApplied, callStateAfter, setCall, type PersonalHold } from './call-state.rules.js';

/**
 * The call-state reads and writes, the same for every kind of item: each item module passes its
 * own model and its own `due` filter (dueCallFilter plus what "callable" means for it).
 */

/** Of the documents `due` selects, a page, longest waiting first. */
export function findDue<D extends MirroredDoc>(
  items: MemoryMirror<D>,
  due: Record<string, unknown>,
  skip: number,
  limit: number,
  fields?: Record<string, 1>,
): Promise<D[]> {
  return items.find(due, { projection: fields, sort: { 'call.nextCallAt': 1, _id: 1 }, skip, limit });
}

export type FallingDue = { _id: mongoose.Types.ObjectId; dueAt: Date };

/** Of the documents `due` selects, those whose call falls due in (from, to], with that time. */
export async function callsFallingDue<D extends MirroredDoc & WithCallState>(
  items: MemoryMirror<D>,
  due: Record<string, unknown>,
  from: Date,
  to: Date,
): Promise<FallingDue[]> {
  const docs = await items.find(
    { ...due, 'call.nextCallAt': { $gt: from, $lte: to } },
    { projection: { _id: 1, 'call.nextCallAt': 1 } },
  );
  return docs.map((d) => ({ _id: d._id, dueAt: d.call!.nextCallAt as Date }));
}

/** Of the documents `due` selects, when the first call not yet due falls due (null when none is planned). */
export async function nextCallAfter<D extends MirroredDoc & WithCallState>(
  items: MemoryMirror<D>,
  due: Record<string, unknown>,
  now: Date,
): Promise<Date | null> {
  const first = await items.findOne(
    { ...due, 'call.nextCallAt': { $gt: now } },
    { projection: { _id: 0, 'call.nextCallAt': 1 }, sort: { 'call.nextCallAt': 1 } },
  );
  return first?.call?.nextCallAt ?? null;
}

/**
 * Writes a recorded call's result into the item's call state once (with `extra` top-level fields):
 * a retry of the same call or an older call arriving after a newer one changes nothing. Returns
 * the item as the call left it, from `doc` (the item read for this call) without reading it again,
 * unless another call got in between.
 */
export async function applyCallState<T, D extends WithCallState>(
  model: Model<T>,
  doc: D,
  callId: string,
  result: NextCall,
  personal: PersonalHold,
  extra: Record<string, unknown> = {},
): Promise<D> {
  const after = callStateAfter(callId, result, personal);
  const id = String(doc._id);
  if (await updateByIdIf(model, id, callNotYetApplied(callId, result), { $set: { ...setCall(after), ...extra } }))
    return { ...doc, ...extra, call: { ...doc.call, ...after } };
  if (String(doc.call?.lastCallId ?? '') === callId) return doc;
  return ((await model.findById(id).lean<D>()) as D | null) ?? doc;
}
