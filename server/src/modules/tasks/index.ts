export type { TaskDoc } from './task.model.js';
export {
  applyCallToTask,
  findDueCallTask,
  findDueCallTasks,
  findTasksFallingDue,
  getTaskDoc,
  toTaskDto,
  toTaskDtos,
} from './task.service.js';
export { taskTimeline } from './task.service.js';
