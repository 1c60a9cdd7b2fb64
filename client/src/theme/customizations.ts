import type { Components, Theme } from '@mui/material/styles';

/** Per-component defaults: dense controls for a screen that must fit a call on 1280×800. */
export const components: Components<Theme> = {
  MuiButton: {
    defaultProps: { disableElevation: true },
    styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } },
  },
  MuiButtonBase: {
    styleOverrides: {
      // Keyboard-first: focus must always be visible, on every control.
      root: ({ theme }) => ({
        '&.Mui-focusVisible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
      }),
    },
  },
  MuiTextField: { defaultProps: { size: 'small' } },
  MuiChip: { defaultProps: { size: 'small' } },
  MuiTab: { styleOverrides: { root: { textTransform: 'none', minHeight: 40 } } },
  MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
  MuiPaper: { defaultProps: { variant: 'outlined' } },
  MuiTooltip: { defaultProps: { arrow: true } },
};
