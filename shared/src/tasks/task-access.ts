import type { Role } from '../users/users.schema.js';

/**
 * Who may edit, complete, delete or record calls on a task: admins any, a manager only their own
 * or one assigned to nobody. Everyone still sees every call task in the queue.
 */
export function canChangeTask(task: { assigneeId: string | null }, user: { id: string; role: Role }): boolean {
  return user.role === 'admin' || task.assigneeId === null || task.assigneeId === user.id;
}
