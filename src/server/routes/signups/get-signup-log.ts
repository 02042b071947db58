// The audit trail of one sign-up (SharePoint list "Workshoplogboek"): who did what, when.
import { getSignupLog } from '../../../app/read-signups.js';
import { toSignupId } from '../../../domain/ids.js';
import { COMMAND_LABELS, STATUS_LABELS } from '../../../domain/labels.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { REGISTER_LABEL } from '../../views/view-labels.js';
import {
  ZGetSignupLogParams,
  ZGetSignupLogResponse,
  type TGetSignupLogResponse,
} from './get-signup-log.schema.js';

export default defineRoute({
  method: 'GET',
  url: '/signups/:signupId/log',
  operationId: 'getSignupLog',
  summary: 'Geeft het logboek van één aanmelding: wie deed wat en wanneer',
  tags: ['Aanmeldingen'],
  permission: ['signups:read', 'workshops:read-own'],
  problems: ['NOT_FOUND', 'GRAPH_UNAVAILABLE'],
  schemas: { params: ZGetSignupLogParams, response: { 200: ZGetSignupLogResponse } },
  handler: async (route): Promise<TGetSignupLogResponse> => {
    const { language } = route;
    const id = toSignupId(route.params.signupId);
    const entries = unwrapOutcome(await getSignupLog(useCasesFor(route), id));
    return {
      signupId: id,
      entries: entries.map((entry) => ({
        at: entry.at,
        action: entry.action,
        actionLabel:
          entry.action === 'register'
            ? REGISTER_LABEL[language]
            : COMMAND_LABELS[language][entry.action],
        from: entry.from,
        fromLabel: entry.from ? STATUS_LABELS[language][entry.from] : null,
        to: entry.to,
        toLabel: STATUS_LABELS[language][entry.to],
        by: entry.by,
        detail: entry.detail,
      })),
    };
  },
});
