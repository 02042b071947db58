// "Nieuwe data nodig" is no dead end (issue 18, item 5): other dates from the municipality,
// another trainer pair on the same dates (the sign-up starts again with its own slots, so the
// availability page offers every pair), or cancelling (in the header).
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TSignupView } from '../../../common/api/api-types.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useCommand } from '../../../common/services/use-command.js';
import { signupChanged } from '../../../common/services/query-keys.js';
import { routeHref } from '../../routing/routes.js';
import { navigate } from '../../routing/use-route.js';

export function NewDatesNeeded(props: {
  signup: TSignupView;
  onSignupChange: (signup: TSignupView) => void;
}) {
  const { t } = useTranslation();
  const { api, now } = useAppServices();
  const { signup } = props;
  const samePreferences = signup.preferences.map((slot) => ({ start: slot.start, end: slot.end }));
  const allAhead = samePreferences.every((slot) => Date.parse(slot.start) > now().getTime());
  const command = useCommand(
    () => api.updateSignupDates(signup.id, { eTag: signup.eTag, preferences: samePreferences }),
    { invalidates: () => signupChanged(signup.id) },
  );

  async function otherPair() {
    const result = await command.run(undefined);
    if (!result) return;
    props.onSignupChange(result.signup);
    navigate({ page: 'availability', signupId: signup.id });
  }

  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('edit.newDatesNeeded')}</MessageBarBody>
        <MessageBarActions>
          <Button
            as="a"
            appearance="primary"
            href={routeHref({ page: 'newDates', signupId: signup.id })}
          >
            {t('edit.otherDates')}
          </Button>
          {allAhead && (
            <Button onClick={() => void otherPair()} disabled={command.isRunning}>
              {t('edit.otherPair')}
            </Button>
          )}
        </MessageBarActions>
      </MessageBar>
      {command.state.status === 'failed' && <ProblemMessage error={command.state.error} />}
    </>
  );
}
