import { z } from 'zod';
import { timeZone } from '../common/common.schema.js';

export const roles = ['admin', 'manager'] as const;
export type Role = (typeof roles)[number];

/** Extra rights an admin can grant a manager, on top of what the role allows. */
export const rights = [
  'orders.status',
  'orders.delete',
  'templates.write',
  'settings.write',
  'clients.autopay',
  'orders.edit',
  'reports.view',
] as const;
export type Right = (typeof rights)[number];

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const password = z.string().min(10, 'must have at least 10 characters').max(200);
export const locales = ['en', 'es'] as const;
export type Locale = (typeof locales)[number];

export const loginBody = z.object({ email, password: z.string().min(1).max(200) }).strict();
export type LoginBody = z.infer<typeof loginBody>;

export const createUserBody = z
  .object({
    email,
    name: z.string().trim().min(1).max(120),
    password,
    role: z.enum(roles),
    rights: z.array(z.enum(rights)).max(rights.length).optional(),
    timezone: timeZone.optional(),
    locale: z.enum(locales).optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    password,
    role: z.enum(roles),
    rights: z.array(z.enum(rights)).max(rights.length),
    disabled: z.boolean(),
    timezone: timeZone,
    locale: z.enum(locales),
  })
  .partial()
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  rights: Right[];
  disabled: boolean;
  timezone: string | null;
  locale: Locale | null;
  createdAt: string;
};
