// Step 4: the log of the sign-up, as the SharePoint log list holds it.
import { Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SignupStepProps } from '../signup/signup-step.js';
import { LogTimeline } from './log-timeline.js';

export default function LogPage({ signup }: SignupStepProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="log-heading">
      <Title3 as="h3" id="log-heading">
        {t('log.title')}
      </Title3>
      <LogTimeline signupId={signup.id} version={signup.eTag} />
    </section>
  );
}
