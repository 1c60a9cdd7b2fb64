import { Box, Skeleton, Stack } from '@mui/material';

export function PageSkeleton() {
  return (
    <Stack spacing={2} sx={{ p: 2 }} aria-busy="true">
      <Skeleton variant="rounded" height={48} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <Skeleton variant="rounded" height={180} />
        <Skeleton variant="rounded" height={180} />
      </Box>
      <Skeleton variant="rounded" height={240} />
    </Stack>
  );
}

export function ListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Stack spacing={1} aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={36} />
      ))}
    </Stack>
  );
}
