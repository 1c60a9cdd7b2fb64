import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { makeStore, type RootState } from '../app/store';
import { AppProviders } from '../app/providers';
import { rawSearch } from '../app/raw-search';

/**
 * A fresh store per test, the app's providers, and a router at `route`. `visited` lists the URLs the
 * router has been at, as written (a replace overwrites the last), so a test can assert where it went.
 */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', preloadedState }: { route?: string; preloadedState?: Partial<RootState> } = {},
) {
  const store = makeStore(preloadedState);
  const location = memoryLocation({ path: route, record: true });
  const result = render(
    <AppProviders store={store}>
      <Router hook={location.hook} searchHook={rawSearch(location.searchHook)}>
        {ui}
      </Router>
    </AppProviders>,
  );
  return { store, visited: location.history, ...result };
}
