import { Chip } from '@mui/material';
import { useT, type MessageKey } from '../i18n/i18n';

/**
 * What kind of actor did something: a person, the scheduler, the website or a customer. Lists of people
 * mostly show it only where it is not a person (`hidePerson`), so the exceptions stand out.
 */
export function ActorKindTag({ type, hidePerson = false }: { type: string; hidePerson?: boolean }) {
  const t = useT();
  if (hidePerson && type === 'user') return null;
  return (
    <Chip
      component="span"
      size="small"
      variant="outlined"
      label={t(`actor.kind.${type}` as MessageKey)}
      data-testid="actor-kind"
      sx={{ height: 18, fontSize: '0.7rem', ml: 0.5, verticalAlign: 'baseline' }}
    />
  );
}
