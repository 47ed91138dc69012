// waitingRoom.join / status / onUpdate over real HTTP (SSE for onUpdate), the admission token in
// holds.create (required during the window, refused when it belongs to someone else, and logged),
// and the token consumed when the fan's order completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { createApiDeps, createContextInner } from '../../context.ts';
import { createCallerFactory } from '../../init.ts';
import { appRouter } from '../../router.ts';
import { createFan, SUCCESS_CARD } from '../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../testing/test-app.ts';
import { createTestClient } from '../../../testing/trpc-test-client.ts';
import { sharedQueueStatusHub } from './queue-status-hub.ts';
import { createSessionClient, openWaitingRoom, watchQueue } from './waiting-room-test-kit.ts';

let testApp: TestApp;
let baseUrl = '';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  await testApp.close();
});

const signedIn = async () => {
  const fan = await createFan(testApp);
  const client = createSessionClient({
    baseUrl,
    cookieName: testApp.config.sessionCookieName,
    session: fan.token,
  });
  return { ...fan, client };
};

const admit = (windowId: string) =>
  advanceAdmission({ redis: testApp.redis, prefix: testApp.config.redisPrefix, windowId });

describe('waitingRoom.join and status', () => {
  it('needs a signed-in fan', async () => {
    const { event } = await openWaitingRoom(testApp);
    const { client } = createTestClient({ baseUrl });
    await expect(client.waitingRoom.join.mutate({ eventId: event.id })).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('gives one place per fan; joining again returns the same place', async () => {
    const { event, window } = await openWaitingRoom(testApp);
    const first = await signedIn();
    const second = await signedIn();
    const joined = await first.client.waitingRoom.join.mutate({ eventId: event.id });
    expect(joined).toMatchObject({ windowId: window.id, state: 'WAITING', joinedNow: true });
    await second.client.waitingRoom.join.mutate({ eventId: event.id });
    const again = await first.client.waitingRoom.join.mutate({ eventId: event.id });
    expect(again).toMatchObject({ joinedNow: false, joinedAt: joined.joinedAt });
    const [one, two] = await Promise.all([
      first.client.waitingRoom.status.query({ eventId: event.id }),
      second.client.waitingRoom.status.query({ eventId: event.id }),
    ]);
    expect([one.position, one.ahead, two.position, two.ahead]).toEqual([1, 0, 2, 1]);
    expect(one).toMatchObject({ state: 'WAITING', total: 2, admission: null });
    expect(one.window).toMatchObject({ id: window.id, eventId: event.id, name: 'General sale' });
  });

  it('says NOT_FOUND with a next step for an event without a waiting room', async () => {
    const fan = await signedIn();
    const { event } = await openWaitingRoom(testApp, { waitingRoomEnabled: false });
    await expect(fan.client.waitingRoom.join.mutate({ eventId: event.id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
      message: expect.stringContaining('no waiting room'),
    });
  });

  it('tells a fan who comes before the pre-queue opens when to come back', async () => {
    const fan = await signedIn();
    const { event } = await openWaitingRoom(testApp, {
      startsAt: new Date(Date.now() + 7_200_000),
      preQueueOpensAt: new Date(Date.now() + 3_600_000),
    });
    await expect(fan.client.waitingRoom.join.mutate({ eventId: event.id })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: expect.stringMatching(/^The queue opens at .+ UTC/),
    });
  });
});

describe('admission token in holds.create', () => {
  it('refuses a hold without a token during the window, pointing to the queue, and accepts one with it', async () => {
    const { event, window, rowA } = await openWaitingRoom(testApp);
    const fan = await signedIn();
    await expect(
      fan.client.holds.create.mutate({ eventId: event.id, seatIds: [rowA[0]!] }),
    ).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', appError: { code: 'ADMISSION_REQUIRED' } },
      message: expect.stringContaining(`/events/${event.id}/queue`),
    });
    await fan.client.waitingRoom.join.mutate({ eventId: event.id });
    expect((await admit(window.id)).admitted).toBeGreaterThanOrEqual(1);
    const status = await fan.client.waitingRoom.status.query({ eventId: event.id });
    expect(status.state).toBe('ADMITTED');
    const token = status.admission!.token;
    const hold = await fan.client.holds.create.mutate({
      eventId: event.id,
      seatIds: [rowA[0]!, rowA[1]!],
      admissionToken: token,
    });
    expect(hold.seats.map((s) => s.seatId)).toEqual([rowA[0], rowA[1]]);
    // Paying completes the order, which uses the admission up: the same token is refused after.
    const paid = await fan.client.checkout.pay.mutate({
      holdId: hold.id,
      idempotencyKey: crypto.randomUUID(),
      paymentMethod: SUCCESS_CARD,
    });
    expect(paid.status).toBe('SUCCEEDED');
    await expect(
      fan.client.holds.create.mutate({
        eventId: event.id,
        seatIds: [rowA[2]!],
        admissionToken: token,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('already used') });
  });

  it('refuses a token presented by another account, and logs it without the token', async () => {
    const { event, window, rowA } = await openWaitingRoom(testApp);
    const owner = await signedIn();
    await owner.client.waitingRoom.join.mutate({ eventId: event.id });
    await admit(window.id);
    const { admission } = await owner.client.waitingRoom.status.query({ eventId: event.id });
    const thief = await createFan(testApp, 'thief');
    const logged: { fields: Record<string, unknown>; message: string }[] = [];
    const log = {
      warn: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }),
      info() {},
      error() {},
    };
    const caller = createCallerFactory(appRouter)(
      createContextInner({
        deps: createApiDeps(testApp),
        request: { sessionToken: thief.token },
        log: log as never,
      }),
    );
    await expect(
      caller.holds.create({
        eventId: event.id,
        seatIds: [rowA[0]!],
        admissionToken: admission!.token,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('belongs to another account') });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.fields).toMatchObject({
      userId: thief.user.id,
      eventId: event.id,
      reason: 'OTHER_USER',
      issuedTo: { userId: owner.user.id, eventId: event.id, windowId: window.id },
    });
    expect(JSON.stringify(logged)).not.toContain(admission!.token.split('.')[1]!);
    // The seat is still free for its rightful buyer.
    await expect(
      owner.client.holds.create.mutate({
        eventId: event.id,
        seatIds: [rowA[0]!],
        admissionToken: admission!.token,
      }),
    ).resolves.toMatchObject({ eventId: event.id });
  });

  it('refuses a forged token and a token for another event', async () => {
    const first = await openWaitingRoom(testApp);
    const second = await openWaitingRoom(testApp);
    const fan = await signedIn();
    await fan.client.waitingRoom.join.mutate({ eventId: first.event.id });
    await admit(first.window.id);
    const { admission } = await fan.client.waitingRoom.status.query({ eventId: first.event.id });
    await expect(
      fan.client.holds.create.mutate({
        eventId: second.event.id,
        seatIds: [second.rowA[0]!],
        admissionToken: admission!.token,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('for another event') });
    const [payload] = admission!.token.split('.');
    await expect(
      fan.client.holds.create.mutate({
        eventId: first.event.id,
        seatIds: [first.rowA[0]!],
        admissionToken: `${payload}.${'A'.repeat(43)}`,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('not valid') });
  });
});

describe('waitingRoom.onUpdate (SSE)', () => {
  it('sends the place at once, then the admission with its token; stops reading after disconnect', async () => {
    const { event, window } = await openWaitingRoom(testApp);
    const ahead = await signedIn();
    const fan = await signedIn();
    await ahead.client.waitingRoom.join.mutate({ eventId: event.id });
    await fan.client.waitingRoom.join.mutate({ eventId: event.id });
    const watch = watchQueue(fan.client, { eventId: event.id });
    try {
      const waiting = await watch.until((s) => s.state === 'WAITING');
      expect(waiting).toMatchObject({ position: 2, ahead: 1, total: 2 });
      await admit(window.id);
      const admitted = await watch.until((s) => s.state === 'ADMITTED');
      expect(admitted.admission?.token).toMatch(/^[\w-]+\.[\w-]+$/);
      expect(admitted.admission!.expiresAt).toBeGreaterThan(admitted.serverNow);
    } finally {
      watch.close();
    }
    const hub = sharedQueueStatusHub({
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      tokenSecret: testApp.config.waitingRoom.admissionTokenSecret,
      everyMs: testApp.config.waitingRoom.updateEveryMs,
    });
    for (let i = 0; i < 200 && hub.fanCount(window.id) > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(hub.fanCount(window.id)).toBe(0);
  });
});
