import { Box } from '@mui/material';

/**
 * The key that does the same as a control, shown on it (before its label, or `after` it). Hidden from screen readers: the control
 * carries the key in aria-keyshortcuts, so its name stays its label ("Not reached", not "2Not reached").
 */
export function KeyHint({ children, after = false }: { children: string; after?: boolean }) {
  return (
    <Box
      component="kbd"
      aria-hidden
      sx={{
        [after ? 'ml' : 'mr']: 0.75,
        px: 0.5,
        border: 1,
        borderColor: 'currentColor',
        borderRadius: 0.5,
        fontFamily: 'inherit',
        fontSize: '0.85em',
        lineHeight: 1.4,
      }}
    >
      {children}
    </Box>
  );
}
