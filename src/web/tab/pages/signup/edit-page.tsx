// The pages "Wijzigen" and "Andere data" of a sign-up: the campaign's rules for the slots, then
// the form pre-filled from the sign-up. Saved: the sign-up page shows the new state.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../common/components/loading.js';
import { useNotify } from '../../../common/components/notify.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { navigate } from '../../routing/use-route.js';
import { EditSignupForm, type EditMode } from './edit-signup-form.js';
import type { SignupStepProps } from './signup-step.js';

export default function EditPage(props: SignupStepProps & { mode: EditMode }) {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const notify = useNotify();
  const load = useCallback(() => api.getCampaign(), [api]);
  const campaign = useQuery(queryKeys.campaign(), load);
  const { signup, mode } = props;
  const action = mode === 'edit' ? 'edit' : 'newDates';

  if (!signup.userActions.includes(action)) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {t('edit.notNow', { status: t(`status.${signup.status}`) })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {mode === 'newDates' && <p>{t('edit.newDates.intro')}</p>}
      {campaign.error !== undefined && (
        <ProblemMessage error={campaign.error} onRetry={campaign.reload} />
      )}
      {!campaign.data && campaign.isLoading && <Loading label={t('edit.loading')} />}
      {campaign.data && (
        <EditSignupForm
          key={signup.eTag}
          signup={signup}
          campaign={campaign.data}
          mode={mode}
          onSaved={(saved) => {
            props.onSignupChange(saved);
            const name = saved.municipality.name;
            if (mode === 'edit') {
              notify(t('edit.saved', { name }));
              navigate({ page: 'log', signupId: saved.id });
            } else {
              notify(t('edit.newDates.saved', { name }));
              navigate({ page: 'availability', signupId: saved.id });
            }
          }}
        />
      )}
    </>
  );
}
