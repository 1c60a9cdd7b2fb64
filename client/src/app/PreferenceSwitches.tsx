import { IconButton, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import type { Locale } from '@callboard/shared';
import { loadLocale, useLocale, useT } from '../i18n/i18n';
import { useAppDispatch } from './store';
import { localeChanged } from './preferences-slice';

/** Language and light/dark switches; both choices are remembered in this browser. */
export function PreferenceSwitches() {
  const t = useT();
  const locale = useLocale();
  const dispatch = useAppDispatch();
  const { mode, systemMode, setMode } = useColorScheme();
  const dark = (mode === 'system' ? systemMode : mode) === 'dark';
  return (
    <>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={locale}
        aria-label={t('prefs.language')}
        onChange={(_e, value: Locale | null) =>
          value && void loadLocale(value).then(() => dispatch(localeChanged(value)))
        }
      >
        <ToggleButton value="en" aria-label="English">
          EN
        </ToggleButton>
        <ToggleButton value="es" aria-label="Español">
          ES
        </ToggleButton>
      </ToggleButtonGroup>
      {/* A plain title, not a Tooltip: this sits on the first screen, where every kilobyte counts. */}
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
