// admin.events.venues: the venues an event can be placed in, with the tiers its form prices.
import type { AdminVenueOption } from '@tessera/contracts/admin';
import type { PrismaClient } from '@tessera/db/client';
import { listVenueOptions } from './admin-event.repository.ts';

export const listAdminVenueOptions = async ({
  prisma,
}: {
  prisma: PrismaClient;
}): Promise<{ venues: AdminVenueOption[] }> => ({
  venues: (await listVenueOptions(prisma)).map(({ _count, priceTiers, ...venue }) => ({
    ...venue,
    capacity: _count.seats,
    tiers: priceTiers,
  })),
});
