// admin.dashboard.*: the live sale dashboard.
import { router } from '../../../init.ts';
import { onDashboardStatsProcedure } from './on-stats.ts';

export const adminDashboardRouter = router({ onStats: onDashboardStatsProcedure });
