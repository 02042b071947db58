// Who the caller is and what they may do: the UI shows and hides actions by `permissions`.
import { getMe } from '../../../contract/index.js';
import { permissionsOf } from '../../auth/authorize.js';
import { implement } from '../../http/define-route.js';

export default implement(getMe, async ({ access }) => ({
  userId: access.userId,
  name: access.name,
  email: access.email,
  roles: [...access.roles],
  riecs: [...access.riecs],
  canReadAll: access.canReadAll,
  permissions: permissionsOf(access),
}));
