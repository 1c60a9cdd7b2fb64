import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { makeStore } from './app/store';
import { AppProviders } from './app/providers';
import { AppRouter } from './app/router';
import { useLocale } from './i18n/i18n';

const store = makeStore();

function DocumentLanguage() {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders store={store}>
      <DocumentLanguage />
      <AppRouter />
    </AppProviders>
  </StrictMode>,
);
