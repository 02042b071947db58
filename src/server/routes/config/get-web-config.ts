// GET /api/web-config: the public settings the tab needs to sign in (src/server/web-config.ts).
import { getWebConfig } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';

export default implement(getWebConfig, async ({ services }) => services.webConfig);
