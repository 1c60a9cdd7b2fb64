import { defaultSettings, settingsSchema, type Actor, type Settings, type UpdateSettingsBody } from '@callboard/shared';
import { badRequest } from '../../lib/errors.js';
import { schedulerActor } from '../../db/actor.js';
import { changedPaths, recordAudit } from '../audit/index.js';
import { sanitizeRichText } from '../../lib/rich-text.js';
import { readCache } from '../../lib/read-cache.js';
import { SettingsModel } from './settings.model.js';

const id = 'global';

/**
 * Most requests read the settings, so they are kept: updateSettings drops them at once in its
 * process, and another process on the same MongoDB reads them again within 5 s. Callers share the
 * one object and must not change it.
 */
const stored = readCache(5_000, async (): Promise<Settings> => {
  const doc = await SettingsModel.findById(id).lean<{ value: Partial<Settings> }>();
  return { ...defaultSettings, ...(doc?.value ?? {}) };
});

/** The settings, with defaults filled in for any field saved before it existed. */
export async function getSettings(): Promise<Settings> {
  return stored.get(undefined);
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
  stored.drop();
  await recordAudit({
    by,
    objectType: 'settings',
    objectId: id,
    action: 'updated',
    changes: changedPaths(before, next.data),
  });
  return next.data;
}
