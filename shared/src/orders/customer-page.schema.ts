import { z } from 'zod';
import { isoDateTime } from '../common/common.schema.js';
import { locales } from '../users/users.schema.js';

/** An order's link to the customer's own page, as staff see it (the token is shown, never stored). */
export type StatusLink = { url: string; token: string; createdAt: string };

/** Anything may arrive as a token; a wrong one is a 404 like any other, never a 400 that tells it apart. */
export const statusTokenParams = z.object({ token: z.string().max(200) }).strict();

export const customerCallbackBody = z.object({ at: isoDateTime }).strict();
export type CustomerCallbackBody = z.infer<typeof customerCallbackBody>;

export const customerMessageBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
export type CustomerMessageBody = z.infer<typeof customerMessageBody>;

export const customerActions = ['callback', 'message', 'paid'] as const;
export type CustomerAction = (typeof customerActions)[number];

/** The page's query: its language switch and what was just done (links in letters may carry more). */
export const statusPageQuery = z.object({
  lang: z.enum(locales).optional(),
  done: z.enum(customerActions).optional(),
  at: isoDateTime.optional(),
});

/**
 * What every form on the page posts: its form token, its language, and the honeypot `website`
 * that people never see. Fields are loose strings so a wrong value is answered on the page itself.
 */
const pageForm = {
  form: z.string().max(200),
  lang: z.enum(locales).optional(),
  website: z.string().max(1000).optional(),
};
export const callbackForm = z.object({ ...pageForm, at: z.string().max(40) }).strict();
export const messageForm = z.object({ ...pageForm, text: z.string().max(5000) }).strict();
export const paidForm = z.object(pageForm).strict();
export type PageForm = z.infer<typeof paidForm>;
