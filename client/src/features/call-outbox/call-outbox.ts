import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { RecordCallBody } from '@callboard/shared';

/** What a call is recorded on: an order, or a call task (with its order, if any). */
export type CallTarget = { kind: 'order' | 'task'; id: string; orderId: string | null; clientId: string };

/**
 * Calls the workbench saves in the background, so the next card opens at once instead of after
 * the server's answer. Each keeps its request and Idempotency-Key: a retry records the call once
 * even if the first attempt did land, and nothing the manager typed is lost when a save fails.
 */
export type PendingCall = {
  key: string;
  target: CallTarget;
  body: RecordCallBody;
  /** Who was called, for the "not saved" message. */
  clientName: string;
  state: 'saving' | 'failed';
  error: unknown;
};

export type CallOutboxState = PendingCall[];

export const callOutboxSlice = createSlice({
  name: 'callOutbox',
  initialState: (): CallOutboxState => [],
  reducers: {
    callSending(state, action: PayloadAction<Omit<PendingCall, 'state' | 'error'>>) {
      const existing = state.find((c) => c.key === action.payload.key);
      if (existing) {
        existing.state = 'saving';
        existing.error = null;
      } else state.push({ ...action.payload, state: 'saving', error: null });
    },
    callSaved(state, action: PayloadAction<string>) {
      return state.filter((c) => c.key !== action.payload);
    },
    callFailed(state, action: PayloadAction<{ key: string; error: unknown }>) {
      const call = state.find((c) => c.key === action.payload.key);
      if (call) {
        call.state = 'failed';
        call.error = action.payload.error;
      }
    },
    callDismissed(state, action: PayloadAction<string>) {
      return state.filter((c) => c.key !== action.payload);
    },
  },
});

export const { callDismissed, callSending, callSaved, callFailed } = callOutboxSlice.actions;

/** The ids of items whose call is still being saved (or failed): a claim made now must pass over them. */
export const unsavedItemIds = (outbox: CallOutboxState) => outbox.map((c) => c.target.id);
