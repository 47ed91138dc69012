// The Redis time (ms) of every version in an event's change stream, from the stream entry ids: the
// "change" end of the fan-out benchmark's latencies (same box, same clock as the receivers).
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { eventKeys } from '@tessera/core/holds/keys';

export const readChangeTimes = async ({
  redisUrl,
  prefix,
  eventId,
}: {
  redisUrl: string;
  prefix: string;
  eventId: string;
}) => {
  const redis = createRedisClient({ redisUrl });
  const times = new Map<number, number>();
  let start = '-';
  for (;;) {
    const page = (await redis.xrange(
      eventKeys({ prefix, eventId }).stream,
      start,
      '+',
      'COUNT',
      5_000,
    )) as [string, string[]][];
    for (const [id, fields] of page) {
      times.set(Number(fields[fields.indexOf('v') + 1]), Number(id.split('-')[0]));
    }
    if (page.length < 5_000) break;
    start = `(${page.at(-1)![0]}`;
  }
  await redis.quit();
  return times;
};
