import { useMemo, type ReactNode } from 'react';
import { CssBaseline } from '@mui/material';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import type { Locale } from '@callboard/shared';
import { muiLocaleOf } from '../i18n/i18n';
import { components } from './customizations';

export function makeTheme(locale: Locale) {
  return createTheme(
    {
      // The mode follows the system until the user picks one; MUI remembers the choice.
      colorSchemes: {
        light: {
          palette: { primary: { main: '#2952cc' }, secondary: { main: '#7a4dd8' }, background: { default: '#f5f6fa' } },
        },
        dark: { palette: { primary: { main: '#8ea8ff' }, secondary: { main: '#c3a6ff' } } },
      },
      cssVariables: { colorSchemeSelector: 'data' },
      shape: { borderRadius: 8 },
      typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: 13 },
      components,
    },
    muiLocaleOf(locale),
  );
}

export function AppTheme({ locale, children }: { locale: Locale; children: ReactNode }) {
  const theme = useMemo(() => makeTheme(locale), [locale]);
  return (
    <ThemeProvider theme={theme} defaultMode="system" modeStorageKey="callboard.mode">
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
