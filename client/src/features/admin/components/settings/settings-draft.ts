import type { OrderStatus, Settings, UpdateSettingsBody } from '@callboard/shared';
import type { MessageKey } from '../../../../i18n/i18n';

const MB = 1024 * 1024;

/** What the form edits: numbers as typed text, so a half-typed value is never silently changed. */
export type Draft = {
  companyName: string;
  customerContact: string;
  defaultLocale: Settings['defaultLocale'];
  start: string;
  end: string;
  callbackGraceMinutes: string;
  claimMinutes: string;
  capEnabled: boolean;
  capMax: string;
  capStatus: OrderStatus;
  statusEmails: Settings['statusEmails'];
  orderConfirmation: Settings['orderConfirmation'];
  adminEmail: string;
  bankAccount: string;
  paymentLinkPattern: string;
  reviewRequestDelayDays: string;
  uploadMaxMb: string;
  /** Not edited on this screen yet; carried so the form's whole-settings check passes. */
  timeZone: string;
};

export function toDraft(s: Settings): Draft {
  return {
    companyName: s.companyName,
    customerContact: s.customerContact,
    defaultLocale: s.defaultLocale,
    start: s.callingHours.start,
    end: s.callingHours.end,
    callbackGraceMinutes: String(s.callbackGraceMinutes),
    claimMinutes: String(s.claimMinutes),
    capEnabled: s.attemptCap.enabled,
    capMax: String(s.attemptCap.maxNotReached),
    capStatus: s.attemptCap.status,
    statusEmails: s.statusEmails,
    orderConfirmation: s.orderConfirmation,
    adminEmail: s.adminEmail,
    bankAccount: s.bankAccount,
    paymentLinkPattern: s.paymentLinkPattern,
    reviewRequestDelayDays: String(s.reviewRequestDelayDays),
    uploadMaxMb: String(Math.round((s.uploadMaxBytes / MB) * 100) / 100),
    timeZone: s.timeZone,
  };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The settings this form owns; the call instructions have their own screen and are left alone. */
export function fromDraft(d: Draft): UpdateSettingsBody {
  return {
    companyName: d.companyName,
    customerContact: d.customerContact,
    defaultLocale: d.defaultLocale,
    callingHours: { start: d.start, end: d.end },
    callbackGraceMinutes: num(d.callbackGraceMinutes),
    claimMinutes: num(d.claimMinutes),
    attemptCap: { enabled: d.capEnabled, maxNotReached: num(d.capMax), status: d.capStatus },
    statusEmails: d.statusEmails,
    orderConfirmation: d.orderConfirmation,
    adminEmail: d.adminEmail.trim(),
    bankAccount: d.bankAccount,
    paymentLinkPattern: d.paymentLinkPattern.trim(),
    reviewRequestDelayDays: num(d.reviewRequestDelayDays),
    uploadMaxBytes: Math.round(num(d.uploadMaxMb) * MB),
    timeZone: d.timeZone,
  };
}

/** A field's effect, or what is wrong with it, as TextField props. */
export type FieldHelp = (
  paths: string[],
  effect: MessageKey,
  problem: MessageKey,
) => { error: boolean; helperText: string };

/** What every section of the form gets: the draft, a way to change it, and each field's help. */
export type SectionProps = { draft: Draft; set: (patch: Partial<Draft>) => void; field: FieldHelp };
