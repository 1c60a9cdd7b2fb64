import { Alert, Box, Button } from '@mui/material';
import { Link } from 'wouter';
import { useT } from '../i18n/i18n';

/** Any path the app does not know: say so and offer the way home instead of a blank page. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Box sx={{ p: 3, maxWidth: 560 }}>
      <Alert
        severity="info"
        action={
          <Button component={Link} to="/">
            {t('nav.workbench')}
          </Button>
        }
      >
        {t('error.not_found')}
      </Alert>
    </Box>
  );
}
