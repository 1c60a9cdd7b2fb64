import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Task } from '@callboard/shared';
import { groupTasksByDay } from '../components/task-days';

const task = (id: string, dueAt: string): Task => ({
  id,
  title: id,
  kind: 'other',
  dueAt,
  assigneeId: null,
  assigneeName: null,
  orderId: null,
  clientId: null,
  done: false,
  doneAt: null,
  call: null,
  createdAt: dueAt,
  createdBy: { type: 'user', id: null, name: 'x' },
});

describe('groupTasksByDay', () => {
  it('groups by the day in the user’s time zone, overdue days first', () => {
    const now = DateTime.fromISO('2026-03-10T12:00:00Z');
    const tasks = [
      task('tomorrow-in-madrid', '2026-03-10T23:30:00Z'),
      task('today', '2026-03-10T09:00:00Z'),
      task('overdue', '2026-03-08T10:00:00Z'),
    ];
    const madrid = groupTasksByDay(tasks, 'Europe/Madrid', now);
    expect(madrid.map((g) => [g.day, g.overdue, g.tasks.map((x) => x.id)])).toEqual([
      ['2026-03-08', true, ['overdue']],
      ['2026-03-10', false, ['today']],
      ['2026-03-11', false, ['tomorrow-in-madrid']],
    ]);
    const newYork = groupTasksByDay(tasks, 'America/New_York', now);
    expect(newYork.map((g) => [g.day, g.tasks.map((x) => x.id)])).toEqual([
      ['2026-03-08', ['overdue']],
      ['2026-03-10', ['today', 'tomorrow-in-madrid']],
    ]);
  });
});
