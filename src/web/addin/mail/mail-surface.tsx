// "Aanmelding verwerken": the open mail read with office.js, sent to extractSlots, and shown for
// the user to check before anything is written.
import { Text } from '@fluentui/react-components';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../common/components/loading.js';
import { formatMoment } from '../../common/format/format-dates.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { useQuery } from '../../common/services/use-query.js';
import { queryKeys } from '../../common/services/query-keys.js';
import type { AddinApi } from '../api/addin-api.js';
import { readSignupMail } from '../flows/mail-flow.js';
import { formatSender, type MailFields } from '../flows/mail-fields.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { readMessage } from '../office/read-item.js';
import { ItemProblem } from '../shell/item-problem.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';
import { MailForm } from './mail-form.js';

export interface MailSurfaceProps {
  readonly api: AddinApi;
  /** Reads the open message (office.js); tests may give another reader. */
  readonly readMail?: () => Promise<MailFields>;
}

const readOpenMessage = () => readMessage();

export function MailSurface({ api, readMail = readOpenMessage }: MailSurfaceProps) {
  const { i18n } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  // The mail is read once: a new API object (another language) must not throw away the user's
  // corrections, so the load keeps to the API it started with.
  const apiAtStart = useRef(api);
  const load = useCallback(async () => {
    const mail = await readMail();
    return { mail, reading: await readSignupMail(apiAtStart.current, mail) };
  }, [readMail]);
  const query = useQuery(queryKeys.addinItem('mail'), load);

  let content;
  if (query.error !== undefined) {
    content = (
      <ItemProblem error={query.error} readFailed={at('mail.readFailed')} onRetry={query.reload} />
    );
  } else if (!query.data) {
    content = <Loading label={at('mail.reading')} />;
  } else {
    const { mail, reading } = query.data;
    content = (
      <>
        {mail.from && (
          <Text size={200} className={styles.muted}>
            {at('mail.from', {
              from: formatSender(mail.from),
              when: formatMoment(mail.receivedAt, currentLanguage(i18n)),
            })}
          </Text>
        )}
        <MailForm
          api={api}
          reading={reading}
          draftKey={`mail.${mail.receivedAt}.${mail.from?.address ?? ''}.${mail.subject}`}
        />
      </>
    );
  }

  return (
    <>
      <Text as="h2" className={styles.heading}>
        {at('frame.mailSurface')}
      </Text>
      {content}
    </>
  );
}

export default MailSurface;
