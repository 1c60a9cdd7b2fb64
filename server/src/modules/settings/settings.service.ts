import { defaultSettings, settingsSchema, type Actor, type Settings, type UpdateSettingsBody } from '@callboard/shared';
import { badRequest } from '../../lib/errors.js';
import { schedulerActor } from '../../db/actor.js';
import { changedPaths, recordAudit } from '../audit/index.js';
import { sanitizeRichText } from '../../lib/rich-text.js';
import { SettingsModel } from './settings.model.js';

const id = 'global';

/** The settings, with defaults filled in for any field saved before it existed. */
export async function getSettings(): Promise<Settings> {
  const doc = await SettingsModel.findById(id).lean<{ value: Partial<Settings> }>();
  return { ...defaultSettings, ...(doc?.value ?? {}) };
}

/**
 * Call instructions reach staff screens as HTML: they keep only what the letter editor makes, like templates.
 * Each change is audited field by field; a change made without a person (start-up, seed, scripts) is the system's.
 */
export async function updateSettings(patch: UpdateSettingsBody, by: Actor = schedulerActor): Promise<Settings> {
  const sanitized =
    patch.callInstructions === undefined
      ? patch
      : { ...patch, callInstructions: sanitizeRichText(patch.callInstructions) };
  const before = await getSettings();
  const next = settingsSchema.safeParse({ ...before, ...sanitized });
  if (!next.success) {
    throw badRequest(
      'Invalid settings',
      next.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  await SettingsModel.updateOne({ _id: id }, { $set: { value: next.data } }, { upsert: true });
  await recordAudit({
    by,
    objectType: 'settings',
    objectId: id,
    action: 'updated',
    changes: changedPaths(before, next.data),
  });
  return next.data;
}
