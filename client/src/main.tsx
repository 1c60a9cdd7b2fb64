import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { makeStore } from './app/store';
import { AppProviders } from './app/providers';
import { AppRouter } from './app/router';
import { loadLocale, useLocale } from './i18n/i18n';

const store = makeStore();

function DocumentLanguage() {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}

// A chosen Spanish arrives before the first render. Not a top-level await: that makes the bundler
// split the first screen into many small chunks, which compress worse.
void loadLocale(store.getState().preferences.locale).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders store={store}>
        <DocumentLanguage />
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  ),
);
