import { DateTime } from 'luxon';
import type { Task } from '@callboard/shared';

export type TaskDay = { day: string; overdue: boolean; tasks: Task[] };

/**
 * Open tasks by calendar day in the user's time zone, soonest first — so what is overdue comes
 * first, then today, then later days.
 */
export function groupTasksByDay(tasks: readonly Task[], zone: string, now: DateTime): TaskDay[] {
  const today = now.setZone(zone).toISODate()!;
  const groups = new Map<string, Task[]>();
  for (const task of [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
    const day = DateTime.fromISO(task.dueAt, { zone }).toISODate()!;
    groups.set(day, [...(groups.get(day) ?? []), task]);
  }
  return [...groups].map(([day, list]) => ({ day, overdue: day < today, tasks: list }));
}
