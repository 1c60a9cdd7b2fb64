import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { useAppSelector, type AppStore } from './store';
import { AppTheme } from '../theme/AppTheme';
import { LocaleProvider } from '../i18n/i18n';

/** The language kept in the store, handed to the strings and to MUI's component texts. */
function Localised({ children }: { children: ReactNode }) {
  const locale = useAppSelector((s) => s.preferences.locale);
  return (
    <LocaleProvider value={locale}>
      <AppTheme locale={locale}>{children}</AppTheme>
    </LocaleProvider>
  );
}

export function AppProviders({ store, children }: { store: AppStore; children: ReactNode }) {
  return (
    <Provider store={store}>
      <Localised>{children}</Localised>
    </Provider>
  );
}
