import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { computeNextCall, type CallStateSnapshot } from '../next-call.js';

const fresh: CallStateSnapshot = {
  state: 'due',
  nextCallAt: null,
  notReachedStreak: 0,
  attempts: 0,
  lastOutcome: null,
  lastCallAt: null,
};
const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toJSDate();
const inMadrid = (d: Date | null) =>
  d ? DateTime.fromJSDate(d, { zone: 'Europe/Madrid' }).toFormat("yyyy-MM-dd'T'HH:mm") : null;

describe('computeNextCall', () => {
  it('makes a first not-reached call due one hour after it (10:05 → 11:05)', () => {
    const next = computeNextCall({ previous: fresh, outcome: 'not_reached', at: madrid('2026-05-04T10:05') });
    expect(inMadrid(next.nextCallAt)).toBe('2026-05-04T11:05');
    expect(next).toMatchObject({ state: 'scheduled', notReachedStreak: 1, attempts: 1, lastOutcome: 'not_reached' });
  });

  it('makes a second not-reached call due 24 hours after the actual call, not after the due time (11:45 → next day 11:45)', () => {
    const first = computeNextCall({ previous: fresh, outcome: 'not_reached', at: madrid('2026-05-04T10:05') });
    const second = computeNextCall({ previous: first, outcome: 'not_reached', at: madrid('2026-05-04T11:45') });
    expect(inMadrid(second.nextCallAt)).toBe('2026-05-05T11:45');
    expect(second.notReachedStreak).toBe(2);
    const third = computeNextCall({ previous: second, outcome: 'not_reached', at: madrid('2026-05-05T12:10') });
    expect(inMadrid(third.nextCallAt)).toBe('2026-05-06T12:10');
    expect(third).toMatchObject({ notReachedStreak: 3, attempts: 3 });
  });

  it('counts 24 real hours across the spring DST change (Madrid, 29 March 2026): 11:45 CET → 12:45 CEST, because the rule speaks of hours elapsed, not of the wall clock', () => {
    const previous = computeNextCall({ previous: fresh, outcome: 'not_reached', at: madrid('2026-03-28T10:00') });
    const next = computeNextCall({ previous, outcome: 'not_reached', at: madrid('2026-03-28T11:45') });
    expect(next.nextCallAt!.getTime() - madrid('2026-03-28T11:45').getTime()).toBe(24 * 3600_000);
    expect(inMadrid(next.nextCallAt)).toBe('2026-03-29T12:45');
  });

  it('counts 24 real hours across the autumn DST change (Madrid, 25 October 2026): 11:45 CEST → 10:45 CET', () => {
    const previous = computeNextCall({ previous: fresh, outcome: 'not_reached', at: madrid('2026-10-24T10:00') });
    const next = computeNextCall({ previous, outcome: 'not_reached', at: madrid('2026-10-24T11:45') });
    expect(inMadrid(next.nextCallAt)).toBe('2026-10-25T10:45');
  });

  it('resets the not-reached streak on any other outcome, so the next not-reached is +1 h again', () => {
    const nr = computeNextCall({ previous: fresh, outcome: 'not_reached', at: madrid('2026-05-04T10:00') });
    const cb = computeNextCall({
      previous: nr,
      outcome: 'callback',
      at: madrid('2026-05-04T11:00'),
      callbackAt: madrid('2026-05-04T16:00'),
    });
    expect(cb).toMatchObject({ state: 'scheduled', notReachedStreak: 0 });
    expect(inMadrid(cb.nextCallAt)).toBe('2026-05-04T16:00');
    const again = computeNextCall({ previous: cb, outcome: 'not_reached', at: madrid('2026-05-04T16:02') });
    expect(inMadrid(again.nextCallAt)).toBe('2026-05-04T17:02');
    expect(again.notReachedStreak).toBe(1);
  });

  it('closes the call for completed without a callback, already_paid, cancelled and invalid_contact', () => {
    for (const outcome of ['completed', 'already_paid', 'cancelled', 'invalid_contact'] as const) {
      const next = computeNextCall({ previous: fresh, outcome, at: madrid('2026-05-04T10:00') });
      expect(next).toMatchObject({ state: 'closed', nextCallAt: null, notReachedStreak: 0, attempts: 1 });
    }
  });

  it('schedules a completed call with a callback at the chosen time', () => {
    const next = computeNextCall({
      previous: fresh,
      outcome: 'completed',
      at: madrid('2026-05-04T10:00'),
      callbackAt: madrid('2026-05-08T09:30'),
    });
    expect(next.state).toBe('scheduled');
    expect(inMadrid(next.nextCallAt)).toBe('2026-05-08T09:30');
  });

  it('closes the item when the attempt cap is reached', () => {
    let state: CallStateSnapshot = fresh;
    const times = ['10:00', '11:05', '12:00'];
    let last = computeNextCall({
      previous: state,
      outcome: 'not_reached',
      at: madrid(`2026-05-04T${times[0]}`),
      attemptCap: 3,
    });
    for (const t of times.slice(1)) {
      state = last;
      last = computeNextCall({ previous: state, outcome: 'not_reached', at: madrid(`2026-05-04T${t}`), attemptCap: 3 });
    }
    expect(last).toMatchObject({ state: 'closed', capReached: true, notReachedStreak: 3, nextCallAt: null });
  });
});
