export type { TaskDoc } from './task.model.js';
export { createTask, getChangeableTaskDoc, getTaskDoc, taskTimeline, toTaskDto, toTaskDtos } from './task.service.js';
export {
  applyCallToTask,
  findDueCallTask,
  findDueCallTasks,
  findTasksFallingDue,
  nextTaskCallAfter,
} from './task-call-state.js';
export { tasksRoutes } from './tasks.routes.js';
