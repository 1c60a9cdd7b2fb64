import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { callbackProblem, callbackSlots } from '../calling-hours.js';

const hours = { start: '09:00', end: '21:00' };
const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toJSDate();
const inMadrid = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Madrid' }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('callbackSlots', () => {
  it('offers every two hours inside the calling hours, the first at least an hour ahead', () => {
    const slots = callbackSlots(madrid('2026-05-04T16:30'), 'Europe/Madrid', hours, {
      count: 5,
      stepMinutes: 120,
      leadMinutes: 60,
      days: 7,
    });
    expect(slots.map(inMadrid)).toEqual([
      '2026-05-04T19:00',
      '2026-05-05T09:00',
      '2026-05-05T11:00',
      '2026-05-05T13:00',
      '2026-05-05T15:00',
    ]);
  });

  it('keeps slots on the wall clock across the spring daylight-saving change', () => {
    const slots = callbackSlots(madrid('2026-03-28T20:30'), 'Europe/Madrid', hours, {
      count: 2,
      stepMinutes: 120,
      leadMinutes: 60,
      days: 7,
    });
    expect(slots.map(inMadrid)).toEqual(['2026-03-29T09:00', '2026-03-29T11:00']);
    expect(slots[0]!.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('callbackProblem', () => {
  const now = madrid('2026-05-04T10:00');
  it('accepts a time inside the hours and names what is wrong with others', () => {
    expect(callbackProblem(madrid('2026-05-04T20:59'), now, 'Europe/Madrid', hours)).toBeNull();
    expect(callbackProblem(madrid('2026-05-04T21:00'), now, 'Europe/Madrid', hours)).toBe('outside_hours');
    expect(callbackProblem(madrid('2026-05-05T08:59'), now, 'Europe/Madrid', hours)).toBe('outside_hours');
    expect(callbackProblem(madrid('2026-05-04T09:30'), now, 'Europe/Madrid', hours)).toBe('past');
    expect(callbackProblem(madrid('2026-05-20T10:00'), now, 'Europe/Madrid', hours)).toBe('too_far');
  });
});
