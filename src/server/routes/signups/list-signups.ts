// The sign-ups the caller may see — their RIEC's, all of them (coordinator), or the workshops
// they train — optionally for one RIEC and some statuses; each as the view getSignup gives, less
// the invitation texts (those are for one sign-up's confirm page). Without cursor or limit the
// whole list, as before; with either, one page in item id order (issue 16, item 4).
import { listSignups, listSignupsPage } from '../../../app/read-signups.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { listSignups as listSignupsOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import {
  answeredNotModified,
  decodeCursor,
  encodeCursor,
  pageSizeOf,
} from '../../http/signup-pages.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toSignupView } from '../../views/signup-view.js';

export default implement(listSignupsOperation, async (route) => {
  const { riec, status, cursor, limit } = route.query;
  const statuses = status && status.length > 0 ? [...new Set(status)] : undefined;
  const query = { ...(riec ? { riec } : {}), ...(statuses ? { statuses } : {}) };
  const view = { ...viewContextOf(route), form: 'list' } as const;
  let body;
  if (cursor === undefined && limit === undefined) {
    const signups = unwrapOutcome(await listSignups(useCasesFor(route), query));
    body = { signups: signups.map((stored) => toSignupView(stored, view)), nextCursor: null };
  } else {
    const afterId = decodeCursor(cursor, query, 'full');
    const size = pageSizeOf(limit);
    const page = unwrapOutcome(
      await listSignupsPage(useCasesFor(route), query, { afterId, limit: size }),
    );
    body = {
      signups: page.signups.map((stored) => toSignupView(stored, view)),
      nextCursor:
        page.nextAfterId === undefined ? null : encodeCursor(page.nextAfterId, query, 'full'),
    };
  }
  answeredNotModified(route.request, route.reply, body);
  return body;
});
