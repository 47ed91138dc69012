// admin.invariants.check: proves the seat invariants for one event, or every event with seat state.
import { checkInvariants } from '@tessera/core/invariants/check-invariants';
import { adminProcedure } from '../../../procedures.ts';
import { ZCheckInvariantsRequest, ZCheckInvariantsResponse } from './check-invariants.types.ts';

export const adminCheckInvariantsProcedure = adminProcedure
  .input(ZCheckInvariantsRequest)
  .output(ZCheckInvariantsResponse)
  .query(({ ctx, input }) =>
    checkInvariants({
      prisma: ctx.prisma,
      redis: ctx.redis,
      prefix: ctx.config.redisPrefix,
      eventIds: input?.eventId ? [input.eventId] : undefined,
    }),
  );
