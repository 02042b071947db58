// "Workshopoptie": for a hold or the confirmed workshop in the calendar, which sign-up it belongs
// to, its status, all options with their dates and the trainers' answers — read-only (a trainer
// answers in the invitation itself; the account holder confirms in the tab). On the confirmed
// workshop's meeting, the workshop sheet follows (issue 14, item 4) for those who may prepare it.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { TGetMeResponse } from '../../common/api/api-types.js';
import { Loading } from '../../common/components/loading.js';
import { useQuery } from '../../common/services/use-query.js';
import { queryKeys } from '../../common/services/query-keys.js';
import { hasPermission } from '../../common/services/app-services.js';
import type { AddinApi } from '../api/addin-api.js';
import { findAppointmentSignup, type AppointmentFields } from '../flows/appointment-match.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { readAppointment } from '../office/read-item.js';
import { ItemProblem } from '../shell/item-problem.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';
import { SignupDetails } from './signup-details.js';
import { WorkshopSheet } from './workshop-sheet.js';

export interface AppointmentSurfaceProps {
  readonly api: AddinApi;
  readonly me: TGetMeResponse;
  /** Reads the open calendar item (office.js); tests may give another reader. */
  readonly readItem?: () => Promise<AppointmentFields>;
}

const readOpenAppointment = () => readAppointment();

export function AppointmentSurface({
  api,
  me,
  readItem = readOpenAppointment,
}: AppointmentSurfaceProps) {
  const at = useAddinT();
  const styles = useAddinStyles();
  // Read-only: loading again after a language switch loses nothing and the labels follow.
  const load = useCallback(
    async () => findAppointmentSignup(api, await readItem()),
    [api, readItem],
  );
  const query = useQuery(queryKeys.addinItem('appointment'), load);

  let content;
  if (query.error !== undefined) {
    content = (
      <ItemProblem
        error={query.error}
        readFailed={at('appointment.readFailed')}
        onRetry={query.reload}
      />
    );
  } else if (query.isLoading && !query.data) {
    content = <Loading label={at('appointment.loading')} />;
  } else if (!query.data) {
    content = (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{at('appointment.noMatch')}</MessageBarBody>
      </MessageBar>
    );
  } else {
    const { signup, isConfirmedWorkshop } = query.data;
    // Who may read the sheet, as getWorkshopSheet's permission: the trainers (their own
    // workshops) and the account holder; the API still checks it is this workshop's.
    const mayReadSheet =
      hasPermission(me, 'workshops:read-own') || hasPermission(me, 'signups:write');
    const showSheet =
      isConfirmedWorkshop &&
      (signup.status === 'bevestigd' || signup.status === 'uitgevoerd') &&
      mayReadSheet;
    content = (
      <>
        <SignupDetails match={query.data} me={me} />
        {showSheet && <WorkshopSheet api={api} signupId={signup.id} />}
      </>
    );
  }

  return (
    <>
      <Text as="h2" className={styles.heading}>
        {at('frame.appointmentSurface')}
      </Text>
      {content}
    </>
  );
}

export default AppointmentSurface;
