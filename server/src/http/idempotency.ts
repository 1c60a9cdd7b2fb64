import type { Request } from 'express';
import { z } from 'zod';
import { validationError } from './route.js';

const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .optional();

/** The Idempotency-Key header, validated like any input. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const parsed = idempotencyKey.safeParse(req.header('idempotency-key'));
  if (!parsed.success) throw validationError(parsed.error, 'Idempotency-Key header');
  return parsed.data;
}
