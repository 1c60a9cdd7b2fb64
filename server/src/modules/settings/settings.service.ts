import { defaultSettings, settingsSchema, type Settings, type UpdateSettingsBody } from '@callboard/shared';
import { badRequest } from '../../http/errors.js';
import { SettingsModel } from './settings.model.js';

const id = 'global';

/** The settings, with defaults filled in for any field saved before it existed. */
export async function getSettings(): Promise<Settings> {
  const doc = await SettingsModel.findById(id).lean<{ value: Partial<Settings> }>();
  return { ...defaultSettings, ...(doc?.value ?? {}) };
}

export async function updateSettings(patch: UpdateSettingsBody): Promise<Settings> {
  const next = settingsSchema.safeParse({ ...(await getSettings()), ...patch });
  if (!next.success) {
    throw badRequest(
      'Invalid settings',
      next.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  await SettingsModel.updateOne({ _id: id }, { $set: { value: next.data } }, { upsert: true });
  return next.data;
}
