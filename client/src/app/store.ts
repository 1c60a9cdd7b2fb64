import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { useDispatch, useSelector, useStore } from 'react-redux';
import { baseApi } from './api';
import { announcerSlice } from './announcer-slice';
import { preferencesSlice } from './preferences-slice';
import { workbenchSlice } from '../features/queue';
import { callOutboxSlice } from '../features/call-outbox';

const rootReducer = combineReducers({
  [baseApi.reducerPath]: baseApi.reducer,
  preferences: preferencesSlice.reducer,
  announcer: announcerSlice.reducer,
  workbench: workbenchSlice.reducer,
  callOutbox: callOutboxSlice.reducer,
});

export type RootState = ReturnType<typeof rootReducer>;

export function makeStore(preloadedState?: Partial<RootState>) {
  const store = configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefault) => getDefault().concat(baseApi.middleware),
  });
  setupListeners(store.dispatch);
  return store;
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
export const useAppStore = useStore.withTypes<AppStore>();
