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
      // WCAG AA asks 4.5:1 for text: MUI's default threshold of 3 puts white text on orange and light blue
      // (3.1:1, 3.9:1), so every filled chip and button gets its text colour by 4.5, and the main colours are
      // ones that reach it: deeper warning, info and error in light mode, a lighter red in dark mode.
      colorSchemes: {
        light: {
          palette: {
            contrastThreshold: 4.5,
            primary: { main: '#2952cc' },
            secondary: { main: '#7a4dd8' },
            warning: { main: '#a85100' },
            info: { main: '#0b6bb0' },
            error: { main: '#c62828' },
            background: { default: '#f5f6fa' },
          },
        },
        dark: {
          palette: {
            contrastThreshold: 4.5,
            primary: { main: '#8ea8ff' },
            secondary: { main: '#c3a6ff' },
            error: { main: '#e57373' },
          },
        },
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
