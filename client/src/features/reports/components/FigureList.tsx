import { Box, Paper, Typography } from '@mui/material';

export type Figure = { label: string; value: string; testId: string };

/** Key figures as tiles: a description list, so a screen reader pairs each number with its name. */
export function FigureList({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <Box
      component="dl"
      aria-label={label}
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 1.5, m: 0 }}
    >
      {figures.map((f) => (
        <Paper key={f.testId} variant="outlined" sx={{ p: 1.5 }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {f.label}
          </Typography>
          <Typography component="dd" variant="h6" sx={{ m: 0, fontWeight: 700 }} data-testid={f.testId}>
            {f.value}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
