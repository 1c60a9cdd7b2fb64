import { DateTime } from 'luxon';
import { isTimeZone } from '../common/common.schema.js';

/** The settings' calling hours: wall-clock times in the client's zone, the end excluded. */
export type CallingHours = { start: string; end: string };

/** The zone calling hours are read in: the one given when it is a real zone, else UTC. */
export function callingZone(zone: string | null | undefined): string {
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** Whether `at` falls inside the calling hours on the wall clock of `zone`. */
export function isWithinCallingHours(at: Date, zone: string, hours: CallingHours): boolean {
  const local = DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
  return local >= hours.start && local < hours.end;
}

export type CallbackSlotOptions = {
  /** How many slots to offer. */
  count: number;
  /** The gap between offered slots, in minutes. */
  stepMinutes: number;
  /** The earliest slot is at least this far from now (a callback needs someone free to make it). */
  leadMinutes: number;
  /** Slots are offered up to this many days ahead. */
  days: number;
};

export const defaultCallbackSlots: CallbackSlotOptions = { count: 12, stepMinutes: 120, leadMinutes: 60, days: 7 };

/**
 * The times a customer may pick for a callback: every `stepMinutes` from the start of the calling
 * hours on the client's wall clock, the first at least `leadMinutes` from now, `count` of them.
 * Built day by day on the wall clock, so a daylight-saving change moves no slot off its hour.
 */
export function callbackSlots(
  now: Date,
  zone: string,
  hours: CallingHours,
  options: CallbackSlotOptions = defaultCallbackSlots,
): Date[] {
  const earliest = now.getTime() + options.leadMinutes * 60_000;
  const [startHour, startMinute] = hours.start.split(':').map(Number) as [number, number];
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const slots: Date[] = [];
  for (let day = 0; day <= options.days && slots.length < options.count; day += 1) {
    let slot = today.plus({ days: day }).set({ hour: startHour, minute: startMinute });
    while (slot.toFormat('HH:mm') < hours.end && slot.hasSame(today.plus({ days: day }), 'day')) {
      const at = slot.toJSDate();
      if (at.getTime() >= earliest && isWithinCallingHours(at, zone, hours)) slots.push(at);
      if (slots.length === options.count) break;
      slot = slot.plus({ minutes: options.stepMinutes });
    }
  }
  return slots;
}

export type CallbackProblem = 'past' | 'too_far' | 'outside_hours';

/**
 * Why a customer's callback time cannot be taken, or null when it can: it must lie ahead, within
 * the days slots are offered for, and inside the calling hours.
 */
export function callbackProblem(
  at: Date,
  now: Date,
  zone: string,
  hours: CallingHours,
  options: CallbackSlotOptions = defaultCallbackSlots,
): CallbackProblem | null {
  const ahead = at.getTime() - now.getTime();
  if (ahead < 0) return 'past';
  if (ahead > (options.days + 1) * 24 * 60 * 60_000) return 'too_far';
  if (!isWithinCallingHours(at, zone, hours)) return 'outside_hours';
  return null;
}
