import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { QueueReason } from '@callboard/shared';

const AUTO_ADVANCE_KEY = 'callboard.autoAdvance';

/** What the workbench has open; the item's data itself lives in RTK Query. */
export type OpenItem = {
  kind: 'order' | 'task';
  id: string;
  orderId: string | null;
  clientId: string | null;
  claimExpiresAt: string;
  why: QueueReason;
  dueAt: string;
  taskTitle: string | null;
};

export type WorkbenchState = { open: OpenItem | null; autoAdvance: boolean; nothingDue: boolean };

export const workbenchSlice = createSlice({
  name: 'workbench',
  initialState: (): WorkbenchState => ({
    open: null,
    autoAdvance: globalThis.localStorage?.getItem(AUTO_ADVANCE_KEY) !== 'false',
    nothingDue: false,
  }),
  reducers: {
    itemOpened(state, action: PayloadAction<OpenItem>) {
      state.open = action.payload;
      state.nothingDue = false;
    },
    itemClosed(state) {
      state.open = null;
    },
    queueEmpty(state) {
      state.open = null;
      state.nothingDue = true;
    },
    autoAdvanceToggled(state) {
      state.autoAdvance = !state.autoAdvance;
      globalThis.localStorage?.setItem(AUTO_ADVANCE_KEY, String(state.autoAdvance));
    },
  },
});

export const { itemOpened, itemClosed, queueEmpty, autoAdvanceToggled } = workbenchSlice.actions;
