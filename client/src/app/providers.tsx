import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import type { AppStore } from './store';
import { AppTheme } from '../theme/AppTheme';
import { useLocale } from '../i18n/i18n';

function Themed({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <AppTheme locale={locale}>{children}</AppTheme>;
}

export function AppProviders({ store, children }: { store: AppStore; children: ReactNode }) {
  return (
    <Provider store={store}>
      <Themed>{children}</Themed>
    </Provider>
  );
}
