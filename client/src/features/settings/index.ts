// The workspace settings: calling hours, payment link, call instructions.
export { useGetSettingsQuery, useUpdateSettingsMutation } from './api/settings-api';
