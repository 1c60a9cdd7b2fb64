import { Router } from 'express';
import { updateSettingsBody, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { getSettings, updateSettings } from './settings.service.js';

export const settingsRoutes = apiRoutes(Router(), '/api/settings', 'Settings');

settingsRoutes.get(
  '',
  { summary: 'The call-centre settings (every signed-in user reads them)', access: 'staff' },
  async () => ({
    body: { settings: await getSettings() },
  }),
);

settingsRoutes.patch(
  '',
  {
    summary: 'Change settings (admins, or the settings.write right)',
    access: { right: 'settings.write' },
    body: updateSettingsBody,
  },
  async ({ body, user }) => ({ body: { settings: await updateSettings(body, userActor(user)) } }),
);
