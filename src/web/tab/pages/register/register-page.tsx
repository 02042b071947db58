// The page around the register form: the municipalities and the campaign's rules, and where
// the user goes once the sign-up is in (the trainers' availability for it).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../common/components/loading.js';
import { useNotify } from '../../../common/components/notify.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { navigate } from '../../routing/use-route.js';
import { RegisterForm } from './register-form.js';

export default function RegisterPage({ cbsCode }: { cbsCode?: string }) {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const notify = useNotify();
  const load = useCallback(() => Promise.all([api.listMunicipalities(), api.getCampaign()]), [api]);
  const query = useQuery(queryKeys.registerChoices(), load);
  const existing = query.data?.[0].municipalities.find((m) => m.cbsCode === cbsCode);
  const isNewDates = existing?.signup?.status === 'nieuwe_data_nodig';
  const title = isNewDates
    ? t('register.newDatesTitle', { name: existing.displayName })
    : t('register.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {isNewDates && <p>{t('register.newDatesIntro')}</p>}
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!query.data && query.isLoading && <Loading label={t('register.loading')} />}
      {query.data && (
        <RegisterForm
          municipalities={query.data[0].municipalities}
          campaign={query.data[1]}
          {...(cbsCode ? { initialCbsCode: cbsCode } : {})}
          onSubmit={api.registerSignup}
          onCheck={api.checkSignup}
          onDone={(signup) => {
            notify(t('register.saved', { name: signup.municipality.name }), {
              body: t('register.next'),
            });
            navigate({ page: 'availability', signupId: signup.id });
          }}
        />
      )}
    </>
  );
}
