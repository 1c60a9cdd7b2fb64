import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { defaultSettings } from '@callboard/shared';
import { describeEffect, type EffectInput } from '../effect';

const now = DateTime.fromISO('2026-03-10T11:45:00', { zone: 'Europe/Madrid' });
const base: EffectInput = {
  outcome: 'not_reached',
  call: { attempts: 0, lastOutcome: null, notReachedStreak: 0 },
  now,
  callbackAt: null,
  attemptCap: defaultSettings.attemptCap,
  phone: '+34600111222',
};

describe('describeEffect', () => {
  it('puts a first not-reached call back in the queue 1 hour later', () => {
    const effect = describeEffect(base);
    expect(effect.key).toBe('effect.notReachedFirst');
    expect(effect.when?.toISO()).toBe(now.plus({ hours: 1 }).toISO());
  });

  it('puts a second not-reached call in a row back 24 hours later and counts the streak', () => {
    const effect = describeEffect({ ...base, call: { attempts: 1, lastOutcome: 'not_reached', notReachedStreak: 1 } });
    expect(effect).toMatchObject({ key: 'effect.notReachedAgain', vars: { streak: 2 } });
    expect(effect.when?.toISO()).toBe(now.plus({ hours: 24 }).toISO());
  });

  it('restarts at 1 hour when the previous call had another outcome', () => {
    const effect = describeEffect({ ...base, call: { attempts: 4, lastOutcome: 'callback', notReachedStreak: 3 } });
    expect(effect.key).toBe('effect.notReachedFirst');
    expect(effect.when?.toISO()).toBe(now.plus({ hours: 1 }).toISO());
  });

  it('says the order leaves the queue when the attempt cap is reached', () => {
    const attemptCap = { enabled: true, maxNotReached: 3, status: 'cancelled' as const };
    const effect = describeEffect({
      ...base,
      attemptCap,
      call: { attempts: 2, lastOutcome: 'not_reached', notReachedStreak: 2 },
    });
    expect(effect).toEqual({ key: 'effect.notReachedCap', vars: { streak: 3, status: 'cancelled' } });
  });

  it('schedules a callback at the chosen time, and asks for one when none is chosen', () => {
    const at = now.plus({ hours: 2 });
    expect(describeEffect({ ...base, outcome: 'callback', callbackAt: at })).toEqual({
      key: 'effect.callback',
      when: at,
    });
    expect(describeEffect({ ...base, outcome: 'callback' })).toEqual({ key: 'effect.callbackPick' });
  });

  it('closes a completed call, or schedules its optional callback', () => {
    const at = now.plus({ days: 1 });
    expect(describeEffect({ ...base, outcome: 'completed' })).toEqual({ key: 'effect.completed' });
    expect(describeEffect({ ...base, outcome: 'completed', callbackAt: at })).toEqual({
      key: 'effect.completedCallback',
      when: at,
    });
  });

  it('describes the closing outcomes', () => {
    expect(describeEffect({ ...base, outcome: 'already_paid' }).key).toBe('effect.alreadyPaid');
    expect(describeEffect({ ...base, outcome: 'cancelled' }).key).toBe('effect.cancelled');
    expect(describeEffect({ ...base, outcome: 'invalid_contact' })).toEqual({
      key: 'effect.invalidContact',
      vars: { phone: '+34600111222' },
    });
  });
});
