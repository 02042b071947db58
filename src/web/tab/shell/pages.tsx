// Which page the URL asks for, within what the user's role allows. Every page is its own chunk
// (React.lazy): the first render needs none of them.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../common/components/loading.js';
import { PageErrorBoundary } from '../../common/components/page-error-boundary.js';
import { canPlan, hasPermission, useAppServices } from '../../common/services/app-services.js';
import { routeHref } from '../routing/routes.js';
import { useRoute } from '../routing/use-route.js';

const OverviewPage = lazy(() => import('../pages/overview/overview-page.js'));
const TrainerPage = lazy(() => import('../pages/trainer/trainer-page.js'));
const RegisterPage = lazy(() => import('../pages/register/register-page.js'));
const PlanningPage = lazy(() => import('../pages/planning/planning-page.js'));
const MyAvailabilityPage = lazy(() => import('../pages/my-availability/my-availability-page.js'));
const CampaignLogPage = lazy(() => import('../pages/log/campaign-log-page.js'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard-page.js'));
const CampaignPage = lazy(() => import('../pages/campaign/campaign-page.js'));
const RemindersPage = lazy(() => import('../pages/reminders/reminders-page.js'));
const SignupPages = lazy(() => import('../pages/signup/signup-pages.js'));

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Pages() {
  const { t } = useTranslation();
  const route = useRoute();
  const { me } = useAppServices();
  const canReadSignups = hasPermission(me, 'signups:read');
  const isTrainer = hasPermission(me, 'workshops:read-own');

  let page;
  switch (route.page) {
    case 'overview':
      if (canReadSignups) page = <OverviewPage />;
      else if (isTrainer) page = <TrainerPage />;
      else page = <Notice title={t('noRole.title')} text={t('noRole.text')} />;
      break;
    case 'register':
      page = hasPermission(me, 'signups:write') ? (
        <RegisterPage {...(route.cbsCode ? { cbsCode: route.cbsCode } : {})} />
      ) : (
        <Notice title={t('noRole.title')} text={t('noRole.cannotRegister')} />
      );
      break;
    case 'planning':
      page = canPlan(me) ? (
        <PlanningPage />
      ) : (
        <Notice title={t('noRole.title')} text={t('noRole.cannotPlan')} />
      );
      break;
    case 'my-availability':
      page = hasPermission(me, 'availability:write-own') ? (
        <MyAvailabilityPage />
      ) : (
        <Notice title={t('noRole.title')} text={t('noRole.cannotStateAvailability')} />
      );
      break;
    case 'logbook':
      page = canReadSignups ? (
        <CampaignLogPage
          {...(route.cbsCode ? { cbsCode: route.cbsCode } : {})}
          {...(route.pageNumber ? { pageNumber: route.pageNumber } : {})}
        />
      ) : (
        <Notice title={t('noRole.title')} text={t('noRole.cannotReadLog')} />
      );
      break;
    case 'dashboard':
      page = canReadSignups ? (
        <DashboardPage />
      ) : (
        <Notice title={t('noRole.title')} text={t('noRole.cannotReadDashboard')} />
      );
      break;
    case 'campaign':
      page = hasPermission(me, 'campaign:write') ? (
        <CampaignPage />
      ) : (
        <Notice title={t('noRole.title')} text={t('noRole.cannotEditCampaign')} />
      );
      break;
    case 'reminders':
      page = canReadSignups ? (
        <RemindersPage />
      ) : (
        <Notice title={t('noRole.title')} text={t('reminders.noAccess')} />
      );
      break;
    case 'not-found':
      page = <Notice title={t('notFound.title')} text={t('notFound.text')} />;
      break;
    default:
      page = <SignupPages signupId={route.signupId} page={route.page} />;
  }
  return (
    <PageErrorBoundary resetKey={routeHref(route)} overviewHref={routeHref({ page: 'overview' })}>
      <Suspense fallback={<Loading label={t('shell.loadingPage')} />}>{page}</Suspense>
    </PageErrorBoundary>
  );
}
