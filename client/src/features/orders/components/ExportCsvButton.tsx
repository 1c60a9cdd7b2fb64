import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { useT } from '../../../i18n/i18n';
import type { OrderListArgs } from '../api/orders-api';

/** The list as a spreadsheet: the same filters, every page (the server streams it). */
export function ExportCsvButton({ args }: { args: OrderListArgs }) {
  const t = useT();
  const { page: _page, limit: _limit, ...filters } = args;
  const params = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  );
  return (
    <Button
      component="a"
      href={`/api/orders/export.csv?${params}`}
      download
      size="small"
      startIcon={<DownloadIcon />}
      data-testid="orders-export"
    >
      {t('bulk.exportCsv')}
    </Button>
  );
}
