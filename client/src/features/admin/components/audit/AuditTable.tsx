import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { auditChangeLines, type AuditEntry } from '@callboard/shared';
import { ActorKindTag } from '../../../../components/ActorKindTag';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { useFormat } from '../../../../i18n/format';

const knownActions = new Set(['created', 'updated', 'deleted', 'status_changed', 'note_deleted']);

/** Where an object of the log can be opened, if it has a page. */
const objectPaths: Partial<Record<AuditEntry['objectType'], (id: string) => string>> = {
  order: (id) => `/orders/${id}`,
  client: (id) => `/clients/${id}`,
  template: (id) => `/admin/templates/${id}`,
  settings: () => '/admin/settings',
};

function ObjectCell({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const label = t(`audit.objectType.${entry.objectType}` as MessageKey);
  const path = objectPaths[entry.objectType]?.(entry.objectId);
  const id =
    entry.objectType === 'settings' ? null : (
      <Typography component="span" variant="caption" sx={{ fontFamily: 'monospace', display: 'block' }}>
        {entry.objectId}
      </Typography>
    );
  return path ? (
    <Link component={RouterLink} href={path}>
      {label}
      {id}
    </Link>
  ) : (
    <>
      {label}
      {id}
    </>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const lines = auditChangeLines(entry.changes);
  if (lines.length === 0) return <Typography variant="body2">{t('audit.noChanges')}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {lines.map((line) => (
        // Long values (a letter's HTML) show their start; the whole line is in the tooltip and the CSV.
        <Box
          component="li"
          key={line}
          title={line}
          sx={{
            overflow: 'hidden',
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            wordBreak: 'break-word',
            fontSize: '0.85rem',
          }}
        >
          {line}
        </Box>
      ))}
    </Box>
  );
}

export function AuditTable({ entries, busy }: { entries: AuditEntry[]; busy: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const columns: MessageKey[] = [
    'audit.col.when',
    'audit.col.who',
    'audit.col.object',
    'audit.col.action',
    'audit.col.changes',
  ];
  const row = (entry: AuditEntry): ReactNode[] => [
    <Box component="span" key="at" sx={{ whiteSpace: 'nowrap' }}>
      {fmt.dateTime(entry.at)}
    </Box>,
    <Box component="span" key="by" sx={{ whiteSpace: 'nowrap' }}>
      {entry.by.name}
      <ActorKindTag type={entry.by.type} />
    </Box>,
    <ObjectCell key="object" entry={entry} />,
    knownActions.has(entry.action) ? t(`audit.action.${entry.action}` as MessageKey) : entry.action.replace(/_/g, ' '),
    <Changes key="changes" entry={entry} />,
  ];
  return (
    <Table size="small" data-testid="audit-table" aria-busy={busy}>
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c}>{t(c)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.length === 0 ? (
          <TableRow>
            <TableCell colSpan={columns.length}>
              <Typography color="text.secondary">{t('audit.empty')}</Typography>
            </TableCell>
          </TableRow>
        ) : (
          entries.map((entry) => (
            <TableRow key={entry.id} data-testid="audit-row" sx={{ verticalAlign: 'top' }}>
              {row(entry).map((cell, i) => (
                <TableCell key={columns[i]} sx={i === 4 ? { maxWidth: 520 } : undefined}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
