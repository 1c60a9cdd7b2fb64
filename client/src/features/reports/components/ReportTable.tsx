import type { ReactNode } from 'react';
import { Paper, Table, TableContainer, Typography } from '@mui/material';

/** A report's table in its own panel, named for screen readers by the heading above it. */
export function ReportTable({
  titleId,
  title,
  testId,
  children,
}: {
  titleId: string;
  title: string;
  testId: string;
  /** The table's head and body. */
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="h6" component="h2" id={titleId} sx={{ mb: 1 }}>
        {title}
      </Typography>
      <TableContainer>
        <Table size="small" aria-labelledby={titleId} data-testid={testId}>
          {children}
        </Table>
      </TableContainer>
    </Paper>
  );
}
