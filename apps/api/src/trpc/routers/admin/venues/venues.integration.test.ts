// admin.venues against real Postgres and Redis: create and reopen a layout, keep seat ids across
// edits, refuse edits that drop or move sold or held seats (sold through the real checkout, held
// in Redis before reconciliation), install the new layout into the event's Redis seat state, and
// refuse anonymous callers and fans.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutDocument } from '@tessera/contracts/layouts';
import { createSession } from '@tessera/core/auth/sessions.service';
import { createHold } from '@tessera/core/checkout/create-hold';
import { createEventSaleInfoCache } from '@tessera/core/checkout/event-sale-info';
import { eventKeys } from '@tessera/core/holds/keys';
import { block, layoutDocument, section } from '@tessera/core/layouts/layout-test-documents';
import { checkEventInvariants } from '@tessera/core/invariants/check-event-invariants';
import { reconcileEvent } from '@tessera/core/reconciliation/reconcile-event';
import { createTestEvent, uniqueToken } from '@tessera/core/testing/catalog-fixtures';
import { createCallers, createFan, SUCCESS_CARD } from '../../../../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../../../../testing/test-app.ts';

let testApp: TestApp;
let callers: ReturnType<typeof createCallers>;
let admin: ReturnType<ReturnType<typeof createCallers>['as']>;

const createAdmin = async () => {
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
  return { token };
};

/** Stalls: two straight rows of 6 (tier A); Circle: one curved row of 5 (tier B). */
const twoSections = (edit: (doc: LayoutDocument) => void = () => {}) => {
  const doc = layoutDocument({
    sections: [
      section({ code: 'S1', blocks: [block({ rowCount: 2, seatsPerRow: 6 })] }),
      section({
        code: 'S2',
        name: 'Circle',
        tierCode: 'B',
        blocks: [
          block({
            id: 'c1',
            geometry: {
              kind: 'curved',
              center: { x: 50, y: 5 },
              radius: 40,
              arc: { by: 'span', middleAngle: 90, degrees: 20 },
            },
            seatsPerRow: 5,
          }),
        ],
      }),
    ],
  });
  edit(doc);
  return doc;
};

const details = () => ({
  name: uniqueToken('Designer hall '),
  city: 'Utrecht',
  address: '1 Test Street',
});

const seatIdsByName = async (venueId: string) => {
  const { seats } = await admin.admin.venues.get({ venueId });
  return new Map(seats.map((s) => [`${s.section}/${s.row}${s.label}`, s.id]));
};

const redisSeats = (eventId: string) =>
  testApp.redis.hgetall(eventKeys({ prefix: testApp.config.redisPrefix, eventId }).seats);

beforeAll(async () => {
  testApp = await startTestApp();
  callers = createCallers(testApp);
  admin = callers.as(await createAdmin());
});

afterAll(async () => {
  await testApp.close();
});

describe('admin.venues authorization', () => {
  it('refuses anonymous callers with UNAUTHORIZED and fans with FORBIDDEN', async () => {
    const fan = callers.as(await createFan(testApp));
    const anonymous = callers.anonymous();
    const calls = [
      (c: typeof fan) => c.admin.venues.list(),
      (c: typeof fan) => c.admin.venues.get({ venueId: randomUUID() }),
      (c: typeof fan) => c.admin.venues.preview({ document: twoSections() }),
      (c: typeof fan) => c.admin.venues.create({ details: details(), document: twoSections() }),
      (c: typeof fan) =>
        c.admin.venues.saveLayout({
          venueId: randomUUID(),
          expectedLayoutVersion: 1,
          document: twoSections(),
        }),
    ];
    for (const call of calls) {
      await expect(call(anonymous)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(call(fan)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('admin.venues create, get, preview', () => {
  it('creates a venue whose document and seats come back on reopening', async () => {
    const doc = twoSections();
    const created = await admin.admin.venues.create({ details: details(), document: doc });
    expect(created).toMatchObject({ layoutVersion: 1, seatCount: 17 });

    const opened = await admin.admin.venues.get({ venueId: created.id });
    expect(opened.document).toEqual(doc);
    expect(opened.seats).toHaveLength(17);
    const curved = opened.seats.filter((s) => s.section === 'S2');
    // Middle seat of the 80°–100° arc of radius 40 around (50, 5) sits straight below the centre.
    expect(curved[2]).toMatchObject({ row: 'A', label: '3', tierCode: 'B', x: 50, y: 45 });
    expect(opened.tiers.map((t) => t.code)).toEqual(['A', 'B']);

    const listed = await admin.admin.venues.list();
    expect(listed.find((v) => v.id === created.id)).toMatchObject({
      seatCount: 17,
      sectionCount: 2,
      editable: true,
      layoutVersion: 1,
    });
  });

  it('previews seats and problems without saving', async () => {
    const crowded = twoSections((d) => {
      d.sections[0]!.blocks[0]!.geometry = {
        kind: 'straight',
        origin: { x: 10, y: 20 },
        angle: 0,
        seatSpacing: 0.5,
      };
    });
    const preview = await admin.admin.venues.preview({ document: crowded });
    expect(preview.ok).toBe(false);
    expect(preview.seats).toHaveLength(17);
    expect(preview.issues.map((i) => i.code)).toEqual(['OVERLAPPING_SEATS']);
  });

  it('refuses to create an invalid layout with the problem in the message', async () => {
    const doc = twoSections((d) => {
      d.sections[1]!.tierCode = 'VIP';
    });
    await expect(
      admin.admin.venues.create({ details: details(), document: doc }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('price tier VIP'),
    });
  });
});

describe('admin.venues.saveLayout on a venue with an event on sale', () => {
  let venueId: string;
  let eventId: string;
  let ids: Map<string, number>;

  beforeAll(async () => {
    venueId = (await admin.admin.venues.create({ details: details(), document: twoSections() })).id;
    ids = await seatIdsByName(venueId);
    const tiers = await testApp.prisma.priceTier.findMany({
      where: { venueId },
      orderBy: { sortOrder: 'asc' },
    });
    const event = await createTestEvent({
      prisma: testApp.prisma,
      venueId,
      title: uniqueToken('Layout gig '),
      city: 'Utrecht',
      capacity: 17,
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      prices: tiers.map((t) => ({ priceTierId: t.id, priceCents: 4000 })),
    });
    eventId = event.id;
    // S1 A1 + A2 sold through checkout; S1 B1 held and reconciled; S1 B2 + B3 held in Redis only.
    const buyer = callers.as(await createFan(testApp, 'buyer'));
    const hold = await buyer.holds.create({
      eventId,
      seatIds: [ids.get('S1/A1')!, ids.get('S1/A2')!],
    });
    await buyer.checkout.pay({
      holdId: hold.id,
      paymentMethod: SUCCESS_CARD,
      idempotencyKey: randomUUID(),
    });
    const holder = callers.as(await createFan(testApp, 'holder'));
    await holder.holds.create({ eventId, seatIds: [ids.get('S1/B1')!] });
    await reconcileEvent({
      prisma: testApp.prisma,
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId,
    });
    const late = callers.as(await createFan(testApp, 'late'));
    await late.holds.create({ eventId, seatIds: [ids.get('S1/B2')!, ids.get('S1/B3')!] });
  });

  const save = (document: LayoutDocument, expectedLayoutVersion = 1) =>
    admin.admin.venues.saveLayout({ venueId, expectedLayoutVersion, document });

  it('refuses to drop a sold seat, naming it, and changes nothing', async () => {
    const doc = twoSections((d) => {
      d.sections[0]!.seatOverrides = [{ row: 'A', seat: '1', removed: true }];
    });
    const refusal = save(doc);
    await expect(refusal).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('S1 row A seat 1 (sold'),
    });
    await expect(
      refusal.catch((e: { cause: { conflictingSeatIds: number[] } }) => e.cause.conflictingSeatIds),
    ).resolves.toEqual([ids.get('S1/A1')]);
    const after = await admin.admin.venues.get({ venueId });
    expect(after.venue.layoutVersion).toBe(1);
    expect(after.seats).toHaveLength(17);
  });

  it('refuses to move sold and held seats (Postgres and Redis-only holds alike)', async () => {
    const moved = twoSections((d) => {
      d.sections[0]!.blocks[0]!.geometry = {
        kind: 'straight',
        origin: { x: 12, y: 20 },
        angle: 0,
        seatSpacing: 1,
      };
    });
    const error = (await save(moved).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'CONFLICT' });
    for (const name of ['S1 row A seat 1 (sold', 'S1 row A seat 2 (sold', 'S1 row B seat 1 (held'])
      expect(error.message).toContain(name);

    // Only S1 B3 (held in Redis, not yet reconciled) in the way: Redis refuses it.
    const dropLate = twoSections((d) => {
      d.sections[0]!.seatOverrides = [{ row: 'B', seat: '3', removed: true }];
    });
    await expect(save(dropLate)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('S1 row B seat 3 (sold or held'),
    });
    // The refused attempt left every seat of the event in Redis, with its state.
    const seats = await redisSeats(eventId);
    expect(Object.keys(seats)).toHaveLength(17);
    expect(seats[String(ids.get('S1/A1'))]).toBe('s');
    expect(seats[String(ids.get('S1/B3'))]).toMatch(/^\d+:/);
  });

  it('saves an edit that keeps the sold and held seats: ids stay, Redis gets the new layout', async () => {
    const edited = twoSections((d) => {
      // Drop a free seat, retier a sold one, add a third row to S1, widen the curved row.
      d.sections[0]!.seatOverrides = [
        { row: 'B', seat: '6', removed: true },
        { row: 'A', seat: '1', tierCode: 'B', accessible: true },
      ];
      d.sections[0]!.blocks[0]!.rowCount = 3;
      d.sections[1]!.blocks[0]!.seatsPerRow = 7;
    });
    // Another replica's sale-info cache, read before the save and never told about it.
    const otherReplica = createEventSaleInfoCache({ prisma: testApp.prisma, ttlMs: 3_600_000 });
    await otherReplica.get(eventId);
    const saved = await save(edited);
    // S2's five seats all move (seven now share the arc); two of them are new.
    expect(saved).toMatchObject({
      layoutVersion: 2,
      seatCount: 24,
      added: 8,
      dropped: 1,
      moved: 4,
    });

    const after = await seatIdsByName(venueId);
    for (const [name, id] of ids) if (name !== 'S1/B6') expect(after.get(name)).toBe(id);
    expect(after.has('S1/B6')).toBe(false);
    expect(after.get('S1/C6')).toBeGreaterThan(0);
    const reopened = await admin.admin.venues.get({ venueId });
    expect(reopened.document).toEqual(edited);
    expect(reopened.seats.find((s) => s.id === ids.get('S1/A1'))).toMatchObject({
      tierCode: 'B',
      accessible: true,
    });
    expect(reopened.lockedSeatIds.sort()).toEqual(
      [ids.get('S1/A1'), ids.get('S1/A2'), ids.get('S1/B1')].sort(),
    );
    expect(
      (await testApp.prisma.event.findUniqueOrThrow({ where: { id: eventId } })).capacity,
    ).toBe(24);

    const seats = await redisSeats(eventId);
    expect(
      Object.keys(seats)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...after.values()].sort((a, b) => a - b));
    expect(seats[String(ids.get('S1/A2'))]).toBe('s');
    expect(seats[String(ids.get('S1/B1'))]).toMatch(/^\d+:/);
    expect(seats[String(after.get('S1/C6'))]).toBe('0');

    // The reconciler takes the relayout's `load` entry in its stride and the invariants hold.
    const store = {
      prisma: testApp.prisma,
      redis: testApp.redis,
      prefix: testApp.config.redisPrefix,
      eventId,
    };
    await reconcileEvent(store);
    const report = await checkEventInvariants(store);
    expect(report?.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report?.ok).toBe(true);

    // The same process (its sale-info cache forgotten by the save) sells a new seat at its
    // tier's price; the dropped seat is gone.
    const fan = callers.as(await createFan(testApp));
    await expect(
      fan.holds.create({ eventId, seatIds: [after.get('S1/C6')!] }),
    ).resolves.toMatchObject({
      seats: [
        { seatId: after.get('S1/C6'), priceCents: 4000, label: expect.stringContaining('row C') },
      ],
    });
    await expect(fan.holds.create({ eventId, seatIds: [ids.get('S1/B6')!] })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );

    // The other replica meets a seat its cache does not know and reads the event again rather
    // than pricing it at 0.
    const other = await createFan(testApp);
    await expect(
      createHold({
        prisma: testApp.prisma,
        redis: testApp.redis,
        prefix: testApp.config.redisPrefix,
        saleInfo: otherReplica,
        admissionTokenSecret: testApp.config.waitingRoom.admissionTokenSecret,
        userId: other.user.id,
        request: { eventId, seatIds: [after.get('S1/C5')!] },
        ttlMs: 60_000,
      }),
    ).resolves.toMatchObject({
      seats: [
        { seatId: after.get('S1/C5'), priceCents: 4000, label: expect.stringContaining('row C') },
      ],
    });
  });

  it('refuses a save over a newer version', async () => {
    await expect(save(twoSections(), 1)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('in the meantime'),
    });
  });
});
