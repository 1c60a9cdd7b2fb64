import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { useT } from '../../../i18n/i18n';
import type { OrderListArgs } from '../api/orders-api';
import { listFilterParams } from '../list-query';

/** The list as a spreadsheet: the same filters, every page (the server streams it). */
export function ExportCsvButton({ args }: { args: OrderListArgs }) {
  const t = useT();
  const params = new URLSearchParams(listFilterParams(args));
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
