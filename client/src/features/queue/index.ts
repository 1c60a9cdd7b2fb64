// Only the workbench state the store holds: the workbench screen and the live events load by their own paths.
export { workbenchSlice } from './workbench-slice';
