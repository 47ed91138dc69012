// events.list: published, upcoming events with search, filters and cursor pagination.
import { ZListEventsRequest, ZListEventsResponse } from '@tessera/contracts/catalog';
import { listEvents } from '@tessera/core/catalog/list-events';
import { publicProcedure } from '../../procedures.ts';

export const listEventsProcedure = publicProcedure
  .input(ZListEventsRequest)
  .output(ZListEventsResponse)
  .query(({ ctx, input }) =>
    listEvents({ prisma: ctx.prisma, cache: ctx.catalogCache, filters: input }),
  );
