// Request/response of admin.events.list (not shared outside the admin screens yet).
import { z } from 'zod';
import { ZEventStatus, ZListEventsResponse } from '@tessera/contracts/catalog';

export const ZAdminListEventsRequest = z.object({
  status: ZEventStatus.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZAdminListEventsResponse = ZListEventsResponse;
