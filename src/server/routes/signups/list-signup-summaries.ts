// A page of the sign-ups the caller may see, in short: what a row of the overview or the
// dashboard shows (issue 16, item 4). Same scope, filters, cursor and ETag as listSignups.
import { listSignupsPage } from '../../../app/read-signups.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { listSignupSummaries } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import {
  answeredNotModified,
  decodeCursor,
  encodeCursor,
  pageSizeOf,
} from '../../http/signup-pages.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSignupRow } from '../../views/signup-view.js';
import { toSignupSummary } from '../municipalities/_signup-summary.js';

export default implement(listSignupSummaries, async (route) => {
  const { campaignId, riec, status, cursor, limit } = route.query;
  const statuses = status && status.length > 0 ? [...new Set(status)] : undefined;
  const query = {
    ...(campaignId ? { campaignId } : {}),
    ...(riec ? { riec } : {}),
    ...(statuses ? { statuses } : {}),
  };
  const afterId = decodeCursor(cursor, query, 'summary');
  const size = pageSizeOf(limit);
  const now = route.clock.now();
  const page = unwrapOutcome(
    await listSignupsPage(useCasesFor(route), query, { afterId, limit: size }),
  );
  const body = {
    signups: page.signups.map((stored) => {
      const { answers, needsAction } = toSignupSummary(stored, now);
      return { ...toSignupRow(stored), answers, needsAction };
    }),
    nextCursor:
      page.nextAfterId === undefined ? null : encodeCursor(page.nextAfterId, query, 'summary'),
  };
  answeredNotModified(route.request, route.reply, body);
  return body;
});
