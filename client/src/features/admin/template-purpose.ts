import { callOutcomes, orderStatuses, templateEvents, type Template } from '@callboard/shared';

/** What a template is the default for, as one choice: nothing, one outcome, one status or one event. */
export type Purpose = '' | `outcome:${string}` | `status:${string}` | `event:${string}`;

export const purposes: Purpose[] = [
  '',
  ...callOutcomes.map((o) => `outcome:${o}` as const),
  ...orderStatuses.map((s) => `status:${s}` as const),
  ...templateEvents.map((e) => `event:${e}` as const),
];

export function purposeOf(t: Pick<Template, 'outcome' | 'status' | 'event'>): Purpose {
  if (t.outcome) return `outcome:${t.outcome}`;
  if (t.status) return `status:${t.status}`;
  if (t.event) return `event:${t.event}`;
  return '';
}

/** The template body's three purpose fields for a choice (the other two are null). */
export function purposeFields(purpose: Purpose): {
  outcome: string | null;
  status: string | null;
  event: string | null;
} {
  const [kind, value] = purpose.split(':') as [string, string | undefined];
  return {
    outcome: kind === 'outcome' ? value! : null,
    status: kind === 'status' ? value! : null,
    event: kind === 'event' ? value! : null,
  };
}
