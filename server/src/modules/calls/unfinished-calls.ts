import type mongoose from 'mongoose';
import { logger } from '../../lib/logger.js';
import { CallModel, PendingCallEffectsModel, type CallDoc } from './call.model.js';
import { finishCallEffects } from './call-recording.js';

/** A call stored this long ago without its effects was cut off (the process stopped), not slow. */
export const unfinishedCallMs = 60_000;
const sweepBatch = 100;

/**
 * The unfinished-calls sweep: finishes each call whose effects are still pending a minute after
 * it was stored, through finishCallEffects. A marker whose call was never stored (the process
 * stopped in between) is dropped: nothing was recorded.
 */
export async function finishUnfinishedCalls(now: Date): Promise<number> {
  const pending = await PendingCallEffectsModel.find({ since: { $lte: new Date(now.getTime() - unfinishedCallMs) } })
    .sort({ since: 1 })
    .limit(sweepBatch)
    .lean<{ _id: mongoose.Types.ObjectId }[]>();
  let finished = 0;
  for (const { _id } of pending) {
    const call = await CallModel.findById(_id, { idempotencyKey: 1 }).lean<Pick<CallDoc, '_id' | 'idempotencyKey'>>();
    if (!call) {
      await PendingCallEffectsModel.deleteOne({ _id });
      continue;
    }
    try {
      if (await finishCallEffects(call)) finished += 1;
    } catch (err) {
      // One call that cannot be finished (its letter no longer renders…) must not hold up the rest.
      logger.error(`Could not finish the effects of call ${String(_id)}`, err);
    }
  }
  return finished;
}
