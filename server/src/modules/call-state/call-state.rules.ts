import mongoose from 'mongoose';
import type { CallInfo, CallOutcome, CallStateSnapshot, NextCall } from '@callboard/shared';
import type { Guard } from '../../db/guarded-update.js';
import { iso } from '../../db/dates.js';
import type { CallStateDoc } from './call-state.model.js';

/** A personal callback: only `userId` may claim the item until `until`. */
export type PersonalHold = { userId: string; until: Date } | null;

type StoredCallState = Partial<CallStateDoc> | null | undefined;

/** The queue's part of "due": not closed and its time has come (each item adds its own conditions). */
export const dueCallFilter = (now: Date) => ({
  'call.state': { $ne: 'closed' as const },
  'call.nextCallAt': { $lte: now },
});

/** `dueCallFilter` as a test of a call state read with its item. */
export function isCallDue(call: StoredCallState, now: Date): boolean {
  return !!call && call.state !== 'closed' && !!call.nextCallAt && call.nextCallAt <= now;
}

/** Someone else's personal callback, still within its hold: not this user's to take. */
export function heldForSomeoneElse(call: StoredCallState, userId: string, now: Date): boolean {
  return !!call?.personalFor && String(call.personalFor) !== userId && !!call.personalUntil && call.personalUntil > now;
}

/** What the re-call rules read from a stored call state (a missing one is a new, due item). */
export function callSnapshot(call: StoredCallState): CallStateSnapshot {
  return {
    state: (call?.state ?? 'due') as CallStateSnapshot['state'],
    nextCallAt: call?.nextCallAt ?? null,
    notReachedStreak: call?.notReachedStreak ?? 0,
    attempts: call?.attempts ?? 0,
    lastOutcome: (call?.lastOutcome ?? null) as CallOutcome | null,
    lastCallAt: call?.lastCallAt ?? null,
  };
}

/** The call state as the API shows it. */
export function toCallInfo(call: StoredCallState): CallInfo {
  const s = callSnapshot(call);
  return { ...s, nextCallAt: iso(s.nextCallAt), lastCallAt: iso(s.lastCallAt) };
}

/**
 * The guard of a call-state write: not this call again (lastCallId), and no newer call already
 * applied (lastCallAt), so a retried or late call changes nothing.
 */
export function callNotYetApplied(callId: string, result: NextCall): Guard<{ call?: StoredCallState }> {
  return {
    filter: {
      'call.lastCallId': { $ne: new mongoose.Types.ObjectId(callId) },
      'call.lastCallAt': { $not: { $gt: result.lastCallAt } },
    },
    holds: ({ call }) =>
      String(call?.lastCallId ?? '') !== callId &&
      !(call?.lastCallAt && result.lastCallAt && call.lastCallAt > result.lastCallAt),
    fields: 'call.lastCallId call.lastCallAt',
  };
}

/** The call state a recorded call leaves behind. */
export function callStateAfter(callId: string, result: NextCall, personal: PersonalHold) {
  return {
    state: result.state,
    nextCallAt: result.nextCallAt,
    notReachedStreak: result.notReachedStreak,
    attempts: result.attempts,
    lastOutcome: result.lastOutcome,
    lastCallAt: result.lastCallAt,
    lastCallId: new mongoose.Types.ObjectId(callId),
    awaitingContact: false,
    personalFor: personal ? new mongoose.Types.ObjectId(personal.userId) : null,
    personalUntil: personal?.until ?? null,
  };
}

/** `fields` as a `$set` of the embedded `call`. */
export const setCall = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`call.${k}`, v]));
