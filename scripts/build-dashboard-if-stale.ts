// Before `npm run server`: builds the owner dashboard the server serves at / when its build is missing or stale.
import { buildIfStale, DASHBOARD } from './vite-builds';

await buildIfStale(DASHBOARD);
