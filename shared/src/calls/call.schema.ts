import { z } from 'zod';
import { isoDateTime, objectId } from '../common/common.schema.js';
import type { Actor } from '../common/actor.js';
import { phoneInput } from '../clients/client.schema.js';
import { callOutcomes, type CallOutcome } from '../orders/call.schema.js';
import { orderItemInput } from '../orders/order.schema.js';

/** Four hours: a longer call is a timer left running, not a call. */
export const maxTalkSeconds = 14_400;

export const followUpKinds = ['invoice', 'replace'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/**
 * The body of POST /api/orders/:id/calls and POST /api/tasks/:id/calls. Rules that need the
 * server's clock (a callback in the future) are checked by the service.
 */
export const recordCallBody = z
  .object({
    outcome: z.enum(callOutcomes),
    comment: z.string().trim().max(5000).optional(),
    callbackAt: isoDateTime.optional(),
    /** A personal callback may be claimed only by the manager who set it, until a grace period passes. */
    personal: z.boolean().optional(),
    letter: z
      .object({ subject: z.string().trim().min(1).max(300), html: z.string().min(1).max(200_000) })
      .strict()
      .optional(),
    copyToManager: z.boolean().optional(),
    attachmentIds: z.array(objectId).max(10).optional(),
    followUp: z.enum(followUpKinds).optional(),
    /** The follow-up order's own items and discount (an upsell); without them it copies the original's. */
    followUpItems: z.array(orderItemInput).min(1).max(100).optional(),
    followUpDiscount: z.number().finite().nonnegative().max(1e12).optional(),
    /** The number that was called; `invalid_contact` marks it. Defaults to the client's first valid phone. */
    phone: phoneInput.optional(),
    /** How long the call lasted, as the call dialog measured it (editable before saving). */
    talkSeconds: z.number().int().min(0).max(maxTalkSeconds).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.outcome === 'callback' && !body.callbackAt) {
      ctx.addIssue({ code: 'custom', path: ['callbackAt'], message: 'is required for a callback' });
    }
    if (body.callbackAt && body.outcome !== 'callback' && body.outcome !== 'completed') {
      ctx.addIssue({ code: 'custom', path: ['callbackAt'], message: 'is only allowed with callback or completed' });
    }
    if (
      body.personal !== undefined &&
      body.outcome !== 'callback' &&
      !(body.outcome === 'completed' && body.callbackAt)
    ) {
      ctx.addIssue({ code: 'custom', path: ['personal'], message: 'is only allowed with a callback time' });
    }
    if (body.followUp && body.outcome !== 'completed') {
      ctx.addIssue({ code: 'custom', path: ['followUp'], message: 'is only allowed with completed' });
    }
    if ((body.followUpItems || body.followUpDiscount !== undefined) && !body.followUp) {
      ctx.addIssue({ code: 'custom', path: ['followUpItems'], message: 'is only allowed with followUp' });
    }
    if (body.copyToManager && !body.letter) {
      ctx.addIssue({ code: 'custom', path: ['copyToManager'], message: 'needs a letter' });
    }
  });
export type RecordCallBody = z.infer<typeof recordCallBody>;

export type CallAttachment = { id: string; filename: string; mimeType: string; size: number; url: string };

export type Call = {
  id: string;
  kind: 'order' | 'task';
  orderId: string | null;
  taskId: string | null;
  clientId: string;
  outcome: CallOutcome;
  comment: string | null;
  at: string;
  by: Actor;
  phone: string | null;
  callbackAt: string | null;
  personal: boolean;
  followUp: FollowUpKind | null;
  followUpOrderId: string | null;
  attachments: CallAttachment[];
  letterId: string | null;
  /** Seconds on the phone, when the caller's screen measured it. */
  talkSeconds: number | null;
  /** The call state this call produced. */
  nextCallAt: string | null;
  resultState: 'due' | 'scheduled' | 'closed';
};

export const queueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

/**
 * `except`: order or task ids the caller is finishing (a call being saved, the card on screen),
 * so a claim made ahead of time returns the item after them instead of one they already hold.
 */
export const claimBody = z.object({ except: z.array(objectId).max(20).default([]) }).strict();
export type ClaimBody = z.input<typeof claimBody>;

/** Why an item is due, for the UI to translate; `reason` is the same in English. */
export type QueueReason = {
  kind: 'new' | 'not_reached' | 'callback' | 'task' | 'phone_fixed';
  streak: number;
  lastCallAt: string | null;
};
