import {
  Button,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { roles, type Role, type User } from '@callboard/shared';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { ActionsHeaderCell } from '../ActionsHeaderCell';

/** Which dialog is open over the list, and for whom. */
export type Open = { kind: 'create' } | { kind: 'rights'; user: User } | { kind: 'disable'; user: User } | null;

type Props = {
  users: User[];
  /** The signed-in admin, who cannot change their own role or disable themselves. */
  meId: string | undefined;
  onOpen: (open: Open) => void;
  onRoleChange: (user: User, role: Role) => void;
};

/** The staff, each with role, rights and state, and the actions on them. */
export function UsersTable({ users, meId, onOpen, onRoleChange }: Props) {
  const t = useT();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('users.name')}</TableCell>
          <TableCell>{t('login.email')}</TableCell>
          <TableCell>{t('users.role')}</TableCell>
          <TableCell>{t('users.rights')}</TableCell>
          <TableCell>{t('users.state')}</TableCell>
          <ActionsHeaderCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {users.map((user) => {
          const self = user.id === meId;
          return (
            // Greyed rather than faded: an opacity would take the text under 4.5:1.
            <TableRow
              key={user.id}
              sx={user.disabled ? { '& .MuiTableCell-root': { color: 'text.secondary' } } : undefined}
              data-testid={`user-${user.email}`}
            >
              <TableCell>{user.name}</TableCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  value={user.role}
                  disabled={self}
                  onChange={(e) => onRoleChange(user, e.target.value as Role)}
                  slotProps={{ htmlInput: { 'aria-label': t('users.roleOf', { name: user.name }) } }}
                >
                  {roles.map((r) => (
                    <MenuItem key={r} value={r}>
                      {t(`role.${r}` as MessageKey)}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
              <TableCell>
                {user.role === 'admin' ? (
                  <Typography variant="body2" color="text.secondary">
                    {t('users.allRights')}
                  </Typography>
                ) : (
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                    {user.rights.map((r) => (
                      <Chip key={r} size="small" label={t(`right.${r}` as MessageKey)} />
                    ))}
                    <Button
                      size="small"
                      onClick={() => onOpen({ kind: 'rights', user })}
                      aria-label={t('users.editRights', { name: user.name })}
                    >
                      {t('users.grant')}
                    </Button>
                  </Stack>
                )}
              </TableCell>
              <TableCell>{t(user.disabled ? 'users.disabled' : 'users.active')}</TableCell>
              <TableCell align="right">
                {self ? null : (
                  <Button
                    size="small"
                    color={user.disabled ? 'primary' : 'error'}
                    onClick={() => onOpen({ kind: 'disable', user })}
                  >
                    {t(user.disabled ? 'users.enable' : 'users.disable')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
