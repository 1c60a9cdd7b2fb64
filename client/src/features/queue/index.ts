// Only the workbench state the store holds: the workbench screen and the live events load by their own paths.
export { workbenchSlice } from './workbench-slice';
// Why an item is due, in words: the supervisor's floor lists the queue too (a pure function, no screen code).
export { dueReasonText } from './due-reason-text';
