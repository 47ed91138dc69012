// The live seat map router (snapshot, then onChange deltas; onAvailability tier counts).
import { router } from '../../init.ts';
import { seatsOnAvailabilityProcedure } from './on-availability.ts';
import { seatsOnChangeProcedure } from './on-change.ts';
import { seatsSnapshotProcedure } from './seats-snapshot.ts';

export const seatsRouter = router({
  snapshot: seatsSnapshotProcedure,
  onChange: seatsOnChangeProcedure,
  onAvailability: seatsOnAvailabilityProcedure,
});
