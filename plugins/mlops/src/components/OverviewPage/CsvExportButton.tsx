import { useState } from 'react';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Window } from '../../api';
import { mlopsApiRef } from '../../api';

/**
 * Fetches the CSV through the API client (so the request carries the user's token, which a
 * plain link would not) and hands it to the browser as a file.
 */
export const CsvExportButton = (props: { window: Window }) => {
  const api = useApi(mlopsApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const csv = await api.getTeamsCsv(props.window);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `mlops-teams-${props.window}d.csv`;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
    } catch (error) {
      alertApi.post({
        message: `CSV export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={busy}
    >
      Export CSV
    </Button>
  );
};
