// Downloads of the edition's status and log for the province's report (campaign issue 13.6):
// the API answers the file as base64; the browser saves it under the name the server chose.
import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { saveFile } from '../../../common/services/save-file.js';
import { useOverviewStyles } from './use-overview-styles.js';

const DOWNLOADS = [
  { what: 'status', format: 'xlsx', label: 'campaign.export.status.xlsx' },
  { what: 'status', format: 'csv', label: 'campaign.export.status.csv' },
  { what: 'log', format: 'xlsx', label: 'campaign.export.log.xlsx' },
] as const;

export function ExportButtons(props: { campaignId: string }) {
  const { t } = useTranslation();
  const styles = useOverviewStyles();
  const { api } = useAppServices();
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();

  const download = async (what: 'status' | 'log', format: 'xlsx' | 'csv') => {
    setBusy(`${what}.${format}`);
    setError(undefined);
    try {
      saveFile(await api.exportCampaign(props.campaignId, what, format));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.filters}>
      {DOWNLOADS.map(({ what, format, label }) => (
        <Button
          key={`${what}.${format}`}
          icon={<ArrowDownloadRegular />}
          disabled={busy !== undefined}
          onClick={() => void download(what, format)}
        >
          {t(label)}
        </Button>
      ))}
      {error !== undefined && <ProblemMessage error={error} />}
    </div>
  );
}
