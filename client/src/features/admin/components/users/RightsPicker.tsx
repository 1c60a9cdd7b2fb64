import { Checkbox, FormControlLabel, FormGroup, FormLabel, Typography } from '@mui/material';
import { rights as allRights, type Right } from '@callboard/shared';
import { useT, type MessageKey } from '../../../../i18n/i18n';

/** A manager's rights, in the catalogue's order. */
export function RightsPicker({ value, onChange }: { value: Right[]; onChange: (rights: Right[]) => void }) {
  const t = useT();
  return (
    <FormGroup>
      <FormLabel component="legend">{t('users.rights')}</FormLabel>
      {allRights.map((right) => (
        <FormControlLabel
          key={right}
          control={
            <Checkbox
              checked={value.includes(right)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? allRights.filter((r) => r === right || value.includes(r))
                    : value.filter((r) => r !== right),
                )
              }
            />
          }
          label={t(`right.${right}` as MessageKey)}
        />
      ))}
      <Typography variant="caption" color="text.secondary">
        {t('users.rightsHelp')}
      </Typography>
    </FormGroup>
  );
}
