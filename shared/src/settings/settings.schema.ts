import { z } from 'zod';
import { objectId, timeZone } from '../common/common.schema.js';
import { orderStatuses } from '../orders/order-status.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:00');

export const statusEmailSetting = z.object({ notifyClient: z.boolean(), templateId: objectId.nullable() }).strict();

export const settingsSchema = z
  .object({
    companyName: z.string().trim().min(1).max(120),
    callingHours: z
      .object({ start: clockTime, end: clockTime })
      .strict()
      .refine((h) => h.start < h.end, 'the start must be before the end'),
    callbackGraceMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    claimMinutes: z.number().int().min(1).max(120),
    attemptCap: z
      .object({
        enabled: z.boolean(),
        maxNotReached: z.number().int().min(1).max(100),
        status: z.enum(orderStatuses),
      })
      .strict(),
    statusEmails: z.partialRecord(z.enum(orderStatuses), statusEmailSetting),
    /** The letter a new order sends: to the client, and a copy to the administration at `adminEmail`. */
    orderConfirmation: z.object({ notifyClient: z.boolean(), notifyAdmin: z.boolean() }).strict(),
    adminEmail: z.union([z.email(), z.literal('')]),
    bankAccount: z.string().trim().max(500),
    paymentLinkPattern: z
      .string()
      .trim()
      .max(500)
      .refine((p) => p === '' || /^https:\/\//.test(p), 'must start with https://'),
    reviewRequestDelayDays: z.number().int().min(0).max(365),
    uploadMaxBytes: z
      .number()
      .int()
      .min(1024)
      .max(500 * 1024 * 1024),
    callInstructions: z.string().max(50_000),
    defaultLocale: z.enum(['en', 'es']),
    /** The call centre's own zone: what "today" and a report's dates mean. */
    timeZone,
    /** How customers reach the shop (phone, e-mail, hours), shown on their order page. */
    customerContact: z.string().trim().max(500),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsBody = settingsSchema.partial();
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;

export const defaultSettings: Settings = {
  companyName: 'Callboard Shop',
  callingHours: { start: '09:00', end: '21:00' },
  callbackGraceMinutes: 30,
  claimMinutes: 10,
  attemptCap: { enabled: false, maxNotReached: 5, status: 'cancelled' },
  statusEmails: {
    reserved: { notifyClient: true, templateId: null },
    paid: { notifyClient: true, templateId: null },
    shipped: { notifyClient: true, templateId: null },
    cancelled: { notifyClient: true, templateId: null },
    refunded: { notifyClient: true, templateId: null },
  },
  orderConfirmation: { notifyClient: true, notifyAdmin: true },
  adminEmail: '',
  bankAccount: 'IBAN ES91 2100 0418 4502 0005 1332 (Callboard Shop S.L.)',
  paymentLinkPattern: 'https://pay.example.com/checkout?order={number}&amount={amount}',
  reviewRequestDelayDays: 7,
  uploadMaxBytes: 100 * 1024 * 1024,
  callInstructions:
    '<p>Greet the customer by name and say you are calling about their order from the shop; read the order number from the card.</p><ul><li>Confirm the items and the total.</li><li>Ask how they would like to pay.</li><li>Agree on a callback time if they cannot talk now.</li></ul>',
  defaultLocale: 'en',
  timeZone: 'Europe/Madrid',
  customerContact: '',
};
