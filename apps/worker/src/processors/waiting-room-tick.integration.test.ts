// The waiting-room worker on a real queue: its recurring tick alone opens a window that is due
// and admits the fans waiting in it, two workers side by side admitting each fan exactly once, and
// copies every join and pass to Postgres.
import { randomUUID } from 'node:crypto';
import {
  createTestEvent,
  createTestVenue,
  uniqueToken,
} from '@tessera/core/testing/catalog-fixtures';
import { joinWaitingRoom } from '@tessera/core/waiting-room/join-waiting-room';
import { windowKeys } from '@tessera/core/waiting-room/keys';
import { publishWindow } from '@tessera/core/waiting-room/publish-window';
import { endWindow } from '@tessera/core/waiting-room/window-controls';
import { createWaitingRoomQueue, scheduleWaitingRoom } from '@tessera/jobs/waiting-room-queue';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openTickTestStores } from '../testing/tick-test-stores.ts';
import { createWaitingRoomWorker } from './waiting-room-tick.ts';

const stores = openTickTestStores('waiting-room', { poolSize: 4 });
const { prisma, redis, seatPrefix, logger, queuePrefix: prefix } = stores;
const connection = stores.queueConnection();
const queue = createWaitingRoomQueue({ connection, prefix });
const workers: Array<ReturnType<typeof createWaitingRoomWorker>> = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await queue.obliterate({ force: true });
  await queue.close();
  await stores.close();
});

describe('waiting-room worker', () => {
  it('opens a due window and admits its fans, each once, with two workers running', async () => {
    const name = uniqueToken('WrWorker');
    const { venue, capacity } = await createTestVenue({ prisma, name, city: 'Testville' });
    const event = await createTestEvent({
      prisma,
      venueId: venue.id,
      title: name,
      city: 'Testville',
      startsAt: new Date(Date.now() + 86_400_000),
      capacity,
    });
    const window = await prisma.onSaleWindow.create({
      data: {
        eventId: event.id,
        name: 'General sale',
        startsAt: new Date(Date.now() - 1_000),
        endsAt: new Date(Date.now() + 3_600_000),
        waitingRoomEnabled: true,
        admissionMode: 'PACE',
        admissionRatePerMinute: 6_000,
      },
    });
    await publishWindow({ prisma, redis, prefix: seatPrefix, windowId: window.id });
    const fans = Array.from({ length: 20 }, () => randomUUID());
    for (const userId of fans) {
      await joinWaitingRoom({ redis, prefix: seatPrefix, windowId: window.id, userId });
    }

    for (let i = 0; i < 2; i += 1) {
      workers.push(
        createWaitingRoomWorker({
          prisma,
          redis,
          seatPrefix,
          connection,
          prefix,
          logger,
          windowIds: [window.id],
        }),
      );
    }
    await scheduleWaitingRoom(queue, 100);

    const admitted = windowKeys({ prefix: seatPrefix, windowId: window.id }).admitted;
    await vi.waitFor(async () => expect(await redis.hlen(admitted)).toBe(fans.length), {
      timeout: 15_000,
      interval: 100,
    });
    const row = await prisma.onSaleWindow.findUniqueOrThrow({ where: { id: window.id } });
    expect(row.status).toBe('OPEN');
    const config = windowKeys({ prefix: seatPrefix, windowId: window.id }).config;
    expect(await redis.hget(config, 'admittedTotal')).toBe(String(fans.length));
    expect(await redis.hget(config, 'jtiSeq')).toBe(String(fans.length));
    // Every join and every pass is copied to Postgres, for a rebuild after Redis restarts empty.
    await vi.waitFor(
      async () => {
        const copied = await prisma.waitingRoomFan.findMany({ where: { windowId: window.id } });
        expect(copied.map((fan) => fan.userId).sort()).toEqual([...fans].sort());
        expect(copied.map((fan) => fan.admissionJti).sort((a, b) => a! - b!)).toEqual(
          fans.map((_, i) => i + 1),
        );
      },
      { timeout: 5_000, interval: 100 },
    );
    await endWindow({ prisma, redis, prefix: seatPrefix, windowId: window.id });
  });
});
