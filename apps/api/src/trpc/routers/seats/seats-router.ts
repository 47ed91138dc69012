// The live seat map router (snapshot now; onChange deltas follow).
import { router } from '../../init.ts';
import { seatsSnapshotProcedure } from './seats-snapshot.ts';

export const seatsRouter = router({
  snapshot: seatsSnapshotProcedure,
});
