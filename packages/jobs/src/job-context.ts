// What a job carries about the request that caused it: the API request id, so the worker's log
// lines for the job can be joined to the request's. Optional in every payload (ticks have none).
import { z } from 'zod';

/** Same shape the API accepts in x-request-id (apps/api/src/plugins/request-id.ts). */
export const ZRequestId = z.string().regex(/^[\w.:-]{1,128}$/);

export const ZJobContext = z.object({ requestId: ZRequestId.optional() });
export type JobContext = z.infer<typeof ZJobContext>;

/** The request id a job's data carries, if it is a valid one (never throws on foreign data). */
export const requestIdOf = (data: unknown): string | undefined => {
  if (typeof data !== 'object' || data === null || !('requestId' in data)) return undefined;
  const parsed = ZRequestId.safeParse((data as { requestId: unknown }).requestId);
  return parsed.success ? parsed.data : undefined;
};

/** A job payload tagged with the request that enqueued it (producers pass `request.id`). */
export const withRequestId = <T extends object>(data: T, requestId: string): T & JobContext => ({
  ...data,
  requestId: ZRequestId.parse(requestId),
});
