import { Link as RouterLink } from 'wouter';
import { Link } from '@mui/material';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { auditPathFor } from '../audit-filters';

/** "Audit" on an order or a client, for admins: the audit screen filtered to that object. */
export function AuditLink({ objectType, objectId }: { objectType: 'order' | 'client'; objectId: string }) {
  const t = useT();
  const { data: me } = useGetMeQuery();
  if (me?.role !== 'admin') return null;
  const object = t(`audit.objectType.${objectType}`).toLowerCase();
  return (
    <Link
      component={RouterLink}
      href={auditPathFor(objectType, objectId)}
      variant="body2"
      aria-label={t('audit.openFor', { object })}
      data-testid="audit-link"
    >
      {t('audit.open')}
    </Link>
  );
}
