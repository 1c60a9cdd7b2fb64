import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Locale } from '@callboard/shared';

const LOCALE_KEY = 'callboard.locale';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
  if (stored === 'en' || stored === 'es') return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export type PreferencesState = { locale: Locale };

export const preferencesSlice = createSlice({
  name: 'preferences',
  initialState: (): PreferencesState => ({ locale: initialLocale() }),
  reducers: {
    localeChanged(state, action: PayloadAction<Locale>) {
      state.locale = action.payload;
      globalThis.localStorage?.setItem(LOCALE_KEY, action.payload);
    },
  },
});

export const { localeChanged } = preferencesSlice.actions;
