// The live seat map router (snapshot, then onChange deltas).
import { router } from '../../init.ts';
import { seatsOnChangeProcedure } from './on-change.ts';
import { seatsSnapshotProcedure } from './seats-snapshot.ts';

export const seatsRouter = router({
  snapshot: seatsSnapshotProcedure,
  onChange: seatsOnChangeProcedure,
});
