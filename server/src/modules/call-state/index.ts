export { callStateSchema } from './call-state.model.js';
export {
  callSnapshot,
  dueCallFilter,
  heldForSomeoneElse,
  isCallDue,
  setCall,
  toCallInfo,
  type PersonalHold,
} from './call-state.rules.js';
export { applyCallState, callsFallingDue, findDue, nextCallAfter } from './call-state.service.js';
