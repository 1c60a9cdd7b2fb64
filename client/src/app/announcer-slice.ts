import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { MessageKey, Vars } from '../i18n/i18n';

/**
 * What the shell's polite live region says last (e.g. "Call saved"): kept as a message key, so it
 * reads in the language on screen; `seq` makes a repeated message a new announcement.
 */
export type Announcement = { key: MessageKey; vars?: Vars; seq: number };

export const announcerSlice = createSlice({
  name: 'announcer',
  initialState: null as Announcement | null,
  reducers: {
    announced: (state, action: PayloadAction<Omit<Announcement, 'seq'>>) => ({
      ...action.payload,
      seq: (state?.seq ?? 0) + 1,
    }),
  },
});

export const { announced } = announcerSlice.actions;
