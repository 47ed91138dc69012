// admin.onSales.*: only admins may call it; windows are validated (times, modes, required fields,
// no overlap); status controls move only from the statuses they allow; Redis mirrors the window.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '@tessera/core/auth/sessions.service';
import { findWaitingRoomWindow } from '@tessera/core/waiting-room/find-waiting-room-window';
import { createFan, createSaleEvent } from '../../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../../testing/test-app.ts';
import { createTestClient } from '../../../../testing/trpc-test-client.ts';

let testApp: TestApp;
let baseUrl = '';
let admin: ReturnType<typeof createTestClient>['client'];

/** A real HTTP client signed in with the given session token (or anonymous). */
const clientWith = (token?: string) => {
  const session = createTestClient({ baseUrl });
  if (token) session.jar.set(testApp.config.sessionCookieName, token);
  return session.client;
};

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  const user = await testApp.prisma.user.create({
    data: {
      email: `admin-${randomUUID()}@example.com`,
      name: 'Admin',
      passwordHash: 'x',
      role: 'ADMIN',
    },
  });
  const { token } = await createSession({
    prisma: testApp.prisma,
    redis: testApp.redis,
    redisPrefix: testApp.config.redisPrefix,
    userId: user.id,
  });
  admin = clientWith(token);
});

afterAll(async () => {
  await testApp.close();
});

const newEvent = async () => (await createSaleEvent({ testApp, seatsPerRow: 2 })).event;

const paced = (eventId: string, overrides: Record<string, unknown> = {}) => ({
  eventId,
  name: 'General sale',
  startsAt: at(HOUR),
  endsAt: at(3 * HOUR),
  waitingRoomEnabled: true,
  preQueueOpensAt: at(HOUR / 2),
  admissionMode: 'PACE' as const,
  admissionRatePerMinute: 120,
  ...overrides,
});

describe('admin.onSales authorization', () => {
  it('refuses anonymous callers with UNAUTHORIZED and fans with FORBIDDEN', async () => {
    const event = await newEvent();
    await expect(
      clientWith().admin.onSales.list.query({ eventId: event.id }),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    const fan = clientWith((await createFan(testApp)).token);
    await expect(fan.admin.onSales.schedule.mutate(paced(event.id))).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
      message: 'Only administrators can do that.',
    });
    await expect(fan.admin.onSales.pause.mutate({ id: randomUUID() })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    expect((await admin.admin.onSales.list.query({ eventId: event.id })).windows).toEqual([]);
  });
});

describe('admin.onSales.schedule', () => {
  it('stores a waiting-room window, lists it and mirrors it into Redis for the fan hot path', async () => {
    const event = await newEvent();
    const window = await admin.admin.onSales.schedule.mutate(paced(event.id));
    expect(window).toMatchObject({
      eventId: event.id,
      status: 'SCHEDULED',
      admissionMode: 'PACE',
      admissionRatePerMinute: 120,
      shopperSessionSeconds: 600,
      perFanSeatLimit: 6,
      graceSeconds: 60,
      presaleCode: null,
    });
    expect((await admin.admin.onSales.list.query({ eventId: event.id })).windows).toEqual([window]);
    const mirrored = await findWaitingRoomWindow({
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId: event.id,
    });
    expect(mirrored).toMatchObject({ windowId: window.id, eventId: event.id, status: 'SCHEDULED' });
    expect(mirrored?.startsAt).toBe(Date.parse(window.startsAt));
  });

  it.each([
    ['endsAt', { endsAt: at(HOUR / 2) }, 'The window must end after it starts.'],
    [
      'preQueueOpensAt',
      { preQueueOpensAt: at(2 * HOUR) },
      'The pre-queue must open before the window starts.',
    ],
    [
      'admissionRatePerMinute',
      { admissionRatePerMinute: null },
      'A paced waiting room needs fans per minute.',
    ],
    [
      'maxActiveShoppers',
      { admissionMode: 'CAP' },
      'A capped waiting room needs the most shoppers at once.',
    ],
    ['preQueueOpensAt', { waitingRoomEnabled: false }, 'A pre-queue needs the waiting room on.'],
    ['presaleCode', { presaleCode: 'a b' }, 'Use 4 to 40 letters, digits or dashes.'],
    [
      'graceSeconds',
      { graceSeconds: 5 },
      'Allow at least 10 seconds before skipping an absent fan.',
    ],
    [
      'shopperSessionSeconds',
      { shopperSessionSeconds: 10 },
      'A shopper session lasts at least 60 seconds.',
    ],
  ])('refuses a bad %s with a field message', async (field, overrides, message) => {
    const event = await newEvent();
    await expect(
      admin.admin.onSales.schedule.mutate(paced(event.id, overrides)),
    ).rejects.toMatchObject({
      message,
      data: {
        code: 'BAD_REQUEST',
        appError: { code: 'VALIDATION', fieldErrors: { [field]: message } },
      },
    });
    expect((await admin.admin.onSales.list.query({ eventId: event.id })).windows).toEqual([]);
  });

  it('refuses a start in the past, an end after the event, an overlap and an unknown event', async () => {
    const event = await newEvent();
    await expect(
      admin.admin.onSales.schedule.mutate(
        paced(event.id, { startsAt: at(-HOUR), preQueueOpensAt: null }),
      ),
    ).rejects.toMatchObject({ message: 'Start the window now or later, not in the past.' });
    await expect(
      admin.admin.onSales.schedule.mutate(paced(event.id, { endsAt: at(30 * 24 * HOUR) })),
    ).rejects.toMatchObject({ message: 'The sale must end by the time the event starts.' });
    await admin.admin.onSales.schedule.mutate(
      paced(event.id, {
        name: 'Presale',
        presaleCode: 'FANCLUB-26',
        waitingRoomEnabled: false,
        preQueueOpensAt: null,
      }),
    );
    await expect(
      admin.admin.onSales.schedule.mutate(
        paced(event.id, { startsAt: at(2 * HOUR), preQueueOpensAt: null }),
      ),
    ).rejects.toMatchObject({
      message: 'This overlaps the window "Presale"; windows of one event cannot overlap.',
    });
    await expect(admin.admin.onSales.schedule.mutate(paced(randomUUID()))).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });
});

describe('admin.onSales.update and status controls', () => {
  it('updates only the fields sent and checks the merged window', async () => {
    const event = await newEvent();
    const window = await admin.admin.onSales.schedule.mutate(paced(event.id));
    const updated = await admin.admin.onSales.update.mutate({
      id: window.id,
      changes: {
        admissionMode: 'CAP',
        maxActiveShoppers: 50,
        name: 'General sale (capped)',
        graceSeconds: 90,
      },
    });
    expect(updated).toMatchObject({
      name: 'General sale (capped)',
      admissionMode: 'CAP',
      maxActiveShoppers: 50,
      admissionRatePerMinute: 120,
      graceSeconds: 90,
      startsAt: window.startsAt,
    });
    await expect(
      admin.admin.onSales.update.mutate({ id: window.id, changes: { maxActiveShoppers: null } }),
    ).rejects.toMatchObject({
      data: {
        code: 'BAD_REQUEST',
        appError: { fieldErrors: { maxActiveShoppers: expect.any(String) } },
      },
    });
    await expect(
      admin.admin.onSales.update.mutate({ id: window.id, changes: {} }),
    ).rejects.toMatchObject({
      message: 'Change at least one setting.',
    });
  });

  it('cancels a scheduled window (and removes it from the hold gate), but pauses only open ones', async () => {
    const event = await newEvent();
    const window = await admin.admin.onSales.schedule.mutate(paced(event.id));
    await expect(admin.admin.onSales.pause.mutate({ id: window.id })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: 'Only an open window can be paused. This one is scheduled.',
    });
    await expect(admin.admin.onSales.resume.mutate({ id: window.id })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
    });
    expect(await admin.admin.onSales.cancel.mutate({ id: window.id })).toMatchObject({
      status: 'CANCELLED',
    });
    const mirrored = await findWaitingRoomWindow({
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId: event.id,
    });
    expect(mirrored).toBeNull();
    await expect(
      admin.admin.onSales.update.mutate({ id: window.id, changes: { name: 'Again' } }),
    ).rejects.toMatchObject({ message: 'This window is cancelled; schedule a new one instead.' });
  });

  it('pauses, resumes and ends an open window; its start is fixed once open', async () => {
    const event = await newEvent();
    const window = await admin.admin.onSales.schedule.mutate(
      paced(event.id, { preQueueOpensAt: null }),
    );
    // Opening is the scheduler's job; here the window is simply marked open.
    await testApp.prisma.onSaleWindow.update({
      where: { id: window.id },
      data: { status: 'OPEN' },
    });
    await expect(
      admin.admin.onSales.update.mutate({ id: window.id, changes: { startsAt: at(2 * HOUR) } }),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: expect.stringContaining('has started'),
    });
    expect(await admin.admin.onSales.pause.mutate({ id: window.id })).toMatchObject({
      status: 'PAUSED',
    });
    expect(await admin.admin.onSales.resume.mutate({ id: window.id })).toMatchObject({
      status: 'OPEN',
    });
    expect(await admin.admin.onSales.end.mutate({ id: window.id })).toMatchObject({
      status: 'ENDED',
    });
    await expect(admin.admin.onSales.cancel.mutate({ id: window.id })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
    });
  });
});
