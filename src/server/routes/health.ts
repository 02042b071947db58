// Liveness for the load balancer and `npm start`: no token, no rate limit, no dependencies.
import { getHealth } from '../../contract/index.js';
import { implement } from '../http/define-route.js';

export default implement(getHealth, async () => ({ status: 'ok' as const }));
