// The stream reader's coalescing against a real Redis stream: a change after a quiet spell goes out
// at once, changes inside the window that follows a delta go out together as the next one.
import { afterEach, describe, expect, it } from 'vitest';
import { useTestRedis } from '../holds/test-support.ts';
import type { HubDelta } from './stream-changes.ts';
import { startStreamReader, type StreamReader } from './stream-reader.ts';

const { redis, prefix } = useTestRedis();
let reader: StreamReader | undefined;
let streamCount = 0;

afterEach(async () => {
  reader?.stop();
  await reader?.closed;
  reader = undefined;
});

/** A reader on a fresh stream; its deltas are handed out in order by `next`. */
const startReader = async (windowMs: number) => {
  const streamKey = `${prefix}reader-test:${(streamCount += 1)}`;
  const deltas: HubDelta[] = [];
  const waiting: ((delta: HubDelta) => void)[] = [];
  reader = startStreamReader({
    redis,
    streamKey,
    windowMs,
    blockMs: 1_000,
    emit: (delta) => {
      const take = waiting.shift();
      if (take) take(delta);
      else deltas.push(delta);
    },
  });
  await reader.ready;
  let version = 0;
  return {
    /** Appends releases of the given seats, one stream entry (version) each, in one round trip. */
    append: async (...seatIds: number[]) => {
      const pipeline = redis.pipeline();
      for (const seatId of seatIds) {
        version += 1;
        pipeline.xadd(
          streamKey,
          '*',
          'v',
          version,
          'type',
          'release',
          'hold',
          'h',
          'seats',
          seatId,
        );
      }
      await pipeline.exec();
    },
    next: () =>
      new Promise<HubDelta>((resolve) => {
        const delta = deltas.shift();
        if (delta) resolve(delta);
        else waiting.push(resolve);
      }),
  };
};

describe('stream reader', () => {
  it('sends a change after a quiet spell without waiting for the window', async () => {
    // A window far longer than the test's timeout: the delta can only come from the leading edge.
    const stream = await startReader(10 * 60_000);
    await stream.append(7);
    expect(await stream.next()).toEqual({
      fromVersion: 0,
      toVersion: 1,
      seats: [[7, 'a']],
      loadVersion: 0,
    });
  });

  it('holds changes made within a window of the last delta and sends them as one', async () => {
    const stream = await startReader(1_000);
    await stream.append(1);
    const first = await stream.next();
    expect([first.fromVersion, first.toVersion]).toEqual([0, 1]);
    // Appended right after the first delta went out: inside its window, however they are read.
    await stream.append(2, 3, 4, 5, 6);
    expect(await stream.next()).toEqual({
      fromVersion: 1,
      toVersion: 6,
      seats: [2, 3, 4, 5, 6].map((seatId) => [seatId, 'a']),
      loadVersion: 0,
    });
  });
});
