/**
 * The one source of "now" for domain code and jobs, so tests move time instead of sleeping.
 * Production never calls setClock.
 */
let nowFn: () => Date = () => new Date();

export const clock = {
  now: (): Date => nowFn(),
};

export function setClock(fn: () => Date): void {
  nowFn = fn;
}

export function resetClock(): void {
  nowFn = () => new Date();
}
