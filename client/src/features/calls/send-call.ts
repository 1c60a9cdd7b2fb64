import { announced } from '../../app/announcer-slice';
import type { AppDispatch } from '../../app/store';
import { callsApi } from './api/calls-api';
import { callFailed, callSaved, callSending, type PendingCall } from '../call-outbox';

/**
 * Sends (or re-sends, with the same key) a call and records how it went in the outbox. Kept apart
 * from the outbox slice, which the store holds from the start, so the calls API loads only with
 * the screens that save calls.
 */
export function sendCall(call: Omit<PendingCall, 'state' | 'error'>) {
  return async (dispatch: AppDispatch) => {
    dispatch(callSending(call));
    const request = dispatch(
      callsApi.endpoints.recordCall.initiate({ target: call.target, body: call.body, idempotencyKey: call.key }),
    );
    const result = await request;
    // The outbox keeps the outcome; the mutation's own cache entry is not needed.
    request.reset();
    if ('data' in result) {
      dispatch(callSaved(call.key));
      dispatch(announced({ key: 'call.outbox.saved', vars: { name: call.clientName } }));
    }
    // A failure is announced by the outbox's alert, which stays with Retry and Discard.
    else dispatch(callFailed({ key: call.key, error: result.error }));
  };
}
