import { DateTime } from 'luxon';

/** The value of an `<input type="datetime-local">`: wall-clock minutes, no zone. */
const FORMAT = "yyyy-MM-dd'T'HH:mm";

/** A time as such an input shows it, on the wall clock of the zone the time carries. */
export const toInputValue = (time: DateTime): string => time.toFormat(FORMAT);

/** What such an input holds, read as a time in `zone` (the browser's by default); invalid if empty or malformed. */
export const fromInputValue = (value: string, zone = 'local'): DateTime => DateTime.fromFormat(value, FORMAT, { zone });
