import { Box, Typography } from '@mui/material';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useT } from '../../../i18n/i18n';

/** A previewed letter's subject: set off in bold, but a paragraph, not a heading out of the page's order. */
export function PreviewSubject({ subject }: { subject: string }) {
  const t = useT();
  return (
    <Typography variant="subtitle2" component="p">
      <Box component="span" sx={visuallyHidden}>
        {t('letter.subject')}:{' '}
      </Box>
      {subject}
    </Typography>
  );
}
