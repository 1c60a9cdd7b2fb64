import { checkPhone, type Client } from '@callboard/shared';
import type { MessageKey, Vars } from '../../i18n/i18n';

/** A phone line in the editor; `stored` is the client's number as saved, kept as is unless retyped. */
export type PhoneDraft = {
  key: string;
  number: string;
  invalid: boolean;
  stored: { number: string; display: string } | null;
};

export type EmailDraft = { key: string; value: string };

let nextKey = 0;
export const draftKey = () => `draft-${++nextKey}`;

export const phoneDrafts = (client: Client): PhoneDraft[] =>
  client.phones.map((p) => ({
    key: draftKey(),
    number: p.display,
    invalid: p.invalid,
    stored: { number: p.number, display: p.display },
  }));

export const emailDrafts = (client: Client): EmailDraft[] => client.emails.map((value) => ({ key: draftKey(), value }));

/** What the line's helper text says: a problem (error) or how the number will be saved. */
export type PhoneVerdict = { error: boolean; key: MessageKey; vars?: Vars; number: string | null };

/**
 * The same check the server makes (shared checkPhone), as the user types: a stored number left as
 * it was is taken as saved, so a shop's odd number does not block editing the rest of the client.
 */
export function judgePhone(draft: PhoneDraft, country: string | null, earlier: PhoneDraft[]): PhoneVerdict {
  if (draft.stored && draft.number.trim() === draft.stored.display)
    return {
      error: false,
      key: 'phone.formatted',
      vars: { display: draft.stored.display },
      number: draft.stored.number,
    };
  const checked = checkPhone(draft.number, country);
  if (!checked.ok) return { error: true, key: `phone.${checked.problem}`, number: null };
  const same = (d: PhoneDraft) => judgeNumber(d, country) === checked.phone.number;
  if (earlier.some(same)) return { error: true, key: 'phone.duplicate', number: checked.phone.number };
  return {
    error: false,
    key: 'phone.formatted',
    vars: { display: checked.phone.display },
    number: checked.phone.number,
  };
}

function judgeNumber(draft: PhoneDraft, country: string | null): string | null {
  if (draft.stored && draft.number.trim() === draft.stored.display) return draft.stored.number;
  const checked = checkPhone(draft.number, country);
  return checked.ok ? checked.phone.number : null;
}

export const judgePhones = (drafts: PhoneDraft[], country: string | null) =>
  drafts.map((d, i) => judgePhone(d, country, drafts.slice(0, i)));

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailProblem = (value: string): MessageKey | null =>
  emailPattern.test(value.trim()) ? null : 'clientEdit.emailInvalid';
