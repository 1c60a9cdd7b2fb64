import { Box, Button, IconButton } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import type { Locale } from '@callboard/shared';
import { loadLocale, useLocale, useT } from '../i18n/i18n';
import { useAppDispatch } from './store';
import { localeChanged } from './preferences-slice';

const languages: { value: Locale; name: string }[] = [
  { value: 'en', name: 'English' },
  { value: 'es', name: 'Español' },
];

/** Language and light/dark switches; both choices are remembered in this browser. */
export function PreferenceSwitches() {
  const t = useT();
  const locale = useLocale();
  const dispatch = useAppDispatch();
  const { mode, systemMode, setMode } = useColorScheme();
  const dark = (mode === 'system' ? systemMode : mode) === 'dark';
  return (
    <>
      {/* Two plain buttons, not a ToggleButtonGroup: this sits on the first screen, where every kilobyte counts. */}
      <Box role="group" aria-label={t('prefs.language')} sx={{ display: 'flex' }}>
        {languages.map(({ value, name }) => (
          <Button
            key={value}
            size="small"
            color="inherit"
            variant={locale === value ? 'outlined' : 'text'}
            // The name starts with the code shown ("EN"), then the language, read in its own language.
            aria-label={`${value.toUpperCase()}, ${name}`}
            lang={value}
            aria-pressed={locale === value}
            onClick={() => locale !== value && void loadLocale(value).then(() => dispatch(localeChanged(value)))}
            sx={{ minWidth: 40 }}
          >
            {value.toUpperCase()}
          </Button>
        ))}
      </Box>
      {/* A plain title, not a Tooltip, for the same reason. */}
      <IconButton
        aria-label={dark ? t('prefs.light') : t('prefs.dark')}
        title={dark ? t('prefs.light') : t('prefs.dark')}
        onClick={() => setMode(dark ? 'light' : 'dark')}
        data-testid="color-mode"
      >
        {dark ? <LightModeIcon /> : <DarkModeIcon />}
      </IconButton>
    </>
  );
}
