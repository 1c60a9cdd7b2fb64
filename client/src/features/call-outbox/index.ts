// The calls saved in the background: the store holds them, the calls feature fills and shows them,
// the workbench passes over their items. Apart from calls so the store does not load the call screens.
export {
  callOutboxSlice,
  callDismissed,
  callFailed,
  callSaved,
  callSending,
  unsavedItemIds,
  type CallOutboxState,
  type CallTarget,
  type PendingCall,
} from './call-outbox';
