import { z } from 'zod';
import { objectId, pageQuery, timeZone } from '../common/common.schema.js';

export const address = z
  .object({
    line1: z.string().trim().max(200).optional(),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().max(100).optional(),
    postalCode: z.string().trim().max(20).optional(),
    region: z.string().trim().max(100).optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
      .transform((c) => c.toUpperCase())
      .optional(),
  })
  .strict();
export type Address = z.infer<typeof address>;

export const phoneInput = z.string().trim().min(3).max(40);

export const clientInput = z
  .object({
    name: z.string().trim().min(1).max(160),
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
    phone: phoneInput.optional(),
    address: address.optional(),
    timezone: timeZone.optional(),
  })
  .strict();
export type ClientInput = z.infer<typeof clientInput>;

export const clientListQuery = z.object({ q: z.string().trim().max(100).optional(), ...pageQuery }).strict();

export const updateClientBody = z
  .object({
    name: z.string().trim().min(1).max(160),
    emails: z.array(z.string().trim().toLowerCase().pipe(z.email().max(254))).max(10),
    phones: z.array(z.object({ number: phoneInput, invalid: z.boolean().optional() }).strict()).max(10),
    address: address,
    timezone: timeZone,
    managerId: objectId.nullable(),
    tags: z.array(z.string().trim().min(1).max(40)).max(30),
    autoPayments: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateClientBody = z.infer<typeof updateClientBody>;

export const clientNoteBody = z.object({ text: z.string().trim().min(1).max(5000) }).strict();
export type ClientNoteBody = z.infer<typeof clientNoteBody>;

export const clientNoteParams = z.object({ id: objectId, noteId: objectId }).strict();

/** A contact the shop website sent with an order, waiting for staff to confirm or dismiss it. */
export const pendingContactParams = z.object({ id: objectId, contactId: objectId }).strict();

export const clientOrdersQuery = z.object({ ...pageQuery }).strict();

export const clientCallsQuery = z.object({ kind: z.enum(['order', 'task']).default('order'), ...pageQuery }).strict();

export type ClientPhone = { number: string; display: string; country: string | null; invalid: boolean };

export type ClientNote = { id: string; text: string; at: string; by: { id: string | null; name: string } };

export type PendingContact = {
  id: string;
  kind: 'email' | 'phone';
  /** The e-mail, or the phone in E.164 where it parses. */
  value: string;
  display: string;
  orderId: string;
  orderNumber: number;
  receivedAt: string;
};

export type Client = {
  id: string;
  name: string;
  emails: string[];
  phones: ClientPhone[];
  address: Address;
  timezone: string | null;
  managerId: string | null;
  managerName: string | null;
  tags: string[];
  autoPayments: boolean;
  notes: ClientNote[];
  /** E-mails and phones from website orders that staff have not confirmed yet; none of them is used for the client. */
  pendingContacts?: PendingContact[];
  createdAt: string;
};

/** The client's orders as the clients list shows them (a count and the newest). */
export type ClientOrdersSummary = {
  count: number;
  lastOrderId: string | null;
  lastOrderNumber: number | null;
  lastOrderAt: string | null;
};

/** A row of the clients list (GET /api/clients): the client without notes or pending contacts. */
export type ClientListItem = Pick<
  Client,
  'id' | 'name' | 'emails' | 'phones' | 'timezone' | 'managerId' | 'managerName' | 'tags' | 'autoPayments' | 'createdAt'
> & { orders: ClientOrdersSummary };
