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
  MuiFormHelperText: {
    styleOverrides: {
      // A helper text says what a field does, which still matters while the field is off: it stays
      // readable (MUI greys it to 2.7:1, and only the control itself is exempt from the contrast rule).
      root: ({ theme }) => ({ '&.Mui-disabled': { color: (theme.vars ?? theme).palette.text.secondary } }),
    },
  },
  MuiChip: { defaultProps: { size: 'small' } },
  MuiTab: { styleOverrides: { root: { textTransform: 'none', minHeight: 40 } } },
  MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
  MuiPaper: { defaultProps: { variant: 'outlined' } },
  MuiTooltip: { defaultProps: { arrow: true } },
};
