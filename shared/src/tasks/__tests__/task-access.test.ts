import { describe, expect, it } from '@jest/globals';
import { canChangeTask } from '../task-access.js';

const marta = { id: 'u1', role: 'manager' as const };
const ana = { id: 'u9', role: 'admin' as const };

describe('canChangeTask', () => {
  it("lets a manager change their own and unassigned tasks, not another's", () => {
    expect(canChangeTask({ assigneeId: 'u1' }, marta)).toBe(true);
    expect(canChangeTask({ assigneeId: null }, marta)).toBe(true);
    expect(canChangeTask({ assigneeId: 'u2' }, marta)).toBe(false);
  });

  it('lets an admin change any task', () => {
    expect(canChangeTask({ assigneeId: 'u2' }, ana)).toBe(true);
  });
});
