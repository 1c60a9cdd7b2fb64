import { Autocomplete, TextField, type SxProps, type Theme } from '@mui/material';

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** An IANA time zone picked by typing part of its name ("Madrid", "New_York"). */
export function TimeZoneField({
  label,
  value,
  onChange,
  helperText,
  size,
  sx,
  disableClearable,
}: {
  label: string;
  value: string | null;
  onChange: (zone: string | null) => void;
  helperText?: string;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
  disableClearable?: boolean;
}) {
  return (
    <Autocomplete
      options={zones}
      value={value}
      onChange={(_e, v) => onChange(v)}
      disableClearable={disableClearable}
      sx={sx}
      renderInput={(params) => <TextField {...params} size={size} label={label} helperText={helperText} />}
    />
  );
}
