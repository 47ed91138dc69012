// Writes a planned layout change inside the caller's transaction: tiers, sections and rows are
// matched by code/label and updated in place, kept seats keep their ids, dropped seats (already
// checked to be unused) are deleted, new seats inserted, and the venue's layout version bumped.
import { AppErrorCode } from '@tessera/contracts/errors';
import type { GeneratedLayout } from './generate-layout.ts';
import type { LayoutDocument } from '@tessera/contracts/layouts';
import { AppError } from '../errors/app-error.ts';
import type { LayoutChange } from './plan-layout-change.ts';
import type { Tx } from './venue-layout.repository.ts';

const SEAT_CHUNK = 20_000;
const key = (a: string | number, b: string) => `${a}\u0000${b}`;

const writeTiers = async (tx: Tx, venueId: string, doc: LayoutDocument) => {
  const existing = await tx.priceTier.findMany({ where: { venueId } });
  const byCode = new Map(existing.map((t) => [t.code, t]));
  for (const [sortOrder, t] of doc.tiers.entries()) {
    const data = {
      name: t.name,
      color: t.color,
      defaultPriceCents: t.defaultPriceCents,
      sortOrder,
    };
    const old = byCode.get(t.code);
    if (old) await tx.priceTier.update({ where: { id: old.id }, data });
    else
      byCode.set(t.code, await tx.priceTier.create({ data: { venueId, code: t.code, ...data } }));
  }
  const gone = existing.filter((t) => !doc.tiers.some((d) => d.code === t.code));
  if (gone.length > 0) {
    const priced = await tx.eventTierPrice.findMany({
      where: { priceTierId: { in: gone.map((t) => t.id) } },
      select: { priceTier: { select: { code: true } }, event: { select: { title: true } } },
    });
    if (priced.length > 0) {
      const list = priced.map((p) => `${p.priceTier.code} (${p.event.title})`).join(', ');
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: `Events still price these tiers, so they cannot be removed: ${list}. Keep the tiers, or change those events' prices first.`,
      });
    }
  }
  return { tierId: new Map([...byCode].map(([code, t]) => [code, t.id])), gone };
};

const writeSectionsAndRows = async (
  tx: Tx,
  venueId: string,
  doc: LayoutDocument,
  layout: GeneratedLayout,
) => {
  const sections = await tx.section.findMany({ where: { venueId } });
  const sectionId = new Map(sections.map((s) => [s.code, s.id]));
  for (const [sortOrder, s] of doc.sections.entries()) {
    const id = sectionId.get(s.code);
    if (id !== undefined)
      await tx.section.update({ where: { id }, data: { name: s.name, sortOrder } });
    else
      sectionId.set(
        s.code,
        (await tx.section.create({ data: { venueId, code: s.code, name: s.name, sortOrder } })).id,
      );
  }
  const rows = await tx.row.findMany({ where: { section: { venueId } } });
  const rowId = new Map(rows.map((r) => [key(r.sectionId, r.label), r.id]));
  const updates = layout.rows.flatMap((r) => {
    const id = rowId.get(key(sectionId.get(r.section)!, r.label));
    return id === undefined ? [] : [{ id, sortOrder: r.sortOrder, arcRadius: r.arcRadius }];
  });
  if (updates.length > 0)
    await tx.$executeRaw`
      UPDATE rows SET sort_order = v.sort_order, arc_radius = v.arc_radius
      FROM unnest(${updates.map((u) => u.id)}::int[], ${updates.map((u) => u.sortOrder)}::int[],
                  ${updates.map((u) => u.arcRadius)}::float8[]) AS v(id, sort_order, arc_radius)
      WHERE rows.id = v.id`;
  const fresh = layout.rows.filter((r) => !rowId.has(key(sectionId.get(r.section)!, r.label)));
  const created =
    fresh.length === 0
      ? []
      : await tx.$queryRaw<Array<{ id: number; sectionId: number; label: string }>>`
          INSERT INTO rows (section_id, label, sort_order, arc_radius)
          SELECT * FROM unnest(${fresh.map((r) => sectionId.get(r.section)!)}::int[],
                               ${fresh.map((r) => r.label)}::text[],
                               ${fresh.map((r) => r.sortOrder)}::int[],
                               ${fresh.map((r) => r.arcRadius)}::float8[])
          RETURNING id, section_id AS "sectionId", label`;
  for (const r of created) rowId.set(key(r.sectionId, r.label), r.id);
  const rowOf = (section: string, label: string) => rowId.get(key(sectionId.get(section)!, label))!;
  const liveRows = new Set(layout.rows.map((r) => rowOf(r.section, r.label)));
  return {
    sectionId,
    rowOf,
    staleRowIds: rows.filter((r) => !liveRows.has(r.id)).map((r) => r.id),
    staleSectionIds: sections
      .filter((s) => !doc.sections.some((d) => d.code === s.code))
      .map((s) => s.id),
  };
};

export interface WriteLayoutOptions {
  tx: Tx;
  venueId: string;
  doc: LayoutDocument;
  layout: GeneratedLayout;
  change: LayoutChange;
  details?: { name: string; city: string; address: string };
}

/** Returns the venue's new layout version. */
export const writeLayout = async ({
  tx,
  venueId,
  doc,
  layout,
  change,
  details,
}: WriteLayoutOptions) => {
  const { tierId, gone } = await writeTiers(tx, venueId, doc);
  const { sectionId, rowOf, staleRowIds, staleSectionIds } = await writeSectionsAndRows(
    tx,
    venueId,
    doc,
    layout,
  );

  const droppedIds = change.dropped.map((s) => s.id);
  if (droppedIds.length > 0) {
    // Only ended holds can still name a dropped seat (live ones were refused before this point).
    await tx.holdSeat.deleteMany({ where: { seatId: { in: droppedIds } } });
    await tx.seat.deleteMany({ where: { id: { in: droppedIds } } });
  }
  const kept = change.kept;
  if (kept.length > 0) {
    const ids = kept.map((k) => k.id);
    // Park positions first: (row, position) is unique and kept seats may swap positions.
    await tx.$executeRaw`UPDATE seats SET position = -id WHERE id = ANY(${ids}::int[])`;
    await tx.$executeRaw`
      UPDATE seats SET position = v.position, x = v.x, y = v.y,
                       price_tier_id = v.tier, accessible = v.accessible
      FROM unnest(${ids}::int[], ${kept.map((k) => k.seat.position)}::int[],
                  ${kept.map((k) => k.seat.x)}::float8[], ${kept.map((k) => k.seat.y)}::float8[],
                  ${kept.map((k) => tierId.get(k.seat.tierCode)!)}::int[],
                  ${kept.map((k) => k.seat.accessible)}::boolean[])
           AS v(id, position, x, y, tier, accessible)
      WHERE seats.id = v.id`;
  }
  const added = change.added;
  // One INSERT per chunk from parallel arrays: far cheaper than Prisma's createMany, whose
  // 9-parameters-per-row VALUES list took seconds for a 10k-seat venue.
  for (let i = 0; i < added.length; i += SEAT_CHUNK) {
    const chunk = added.slice(i, i + SEAT_CHUNK);
    await tx.$executeRaw`
      INSERT INTO seats (venue_id, section_id, row_id, label, position, x, y, price_tier_id, accessible)
      SELECT ${venueId}::uuid, * FROM unnest(
        ${chunk.map((s) => sectionId.get(s.section)!)}::int[], ${chunk.map((s) => rowOf(s.section, s.row))}::int[],
        ${chunk.map((s) => s.label)}::text[], ${chunk.map((s) => s.position)}::int[],
        ${chunk.map((s) => s.x)}::float8[], ${chunk.map((s) => s.y)}::float8[],
        ${chunk.map((s) => tierId.get(s.tierCode)!)}::int[], ${chunk.map((s) => s.accessible)}::boolean[])`;
  }

  if (staleRowIds.length > 0) await tx.row.deleteMany({ where: { id: { in: staleRowIds } } });
  if (staleSectionIds.length > 0)
    await tx.section.deleteMany({ where: { id: { in: staleSectionIds } } });
  if (gone.length > 0)
    await tx.priceTier.deleteMany({ where: { id: { in: gone.map((t) => t.id) } } });

  const venue = await tx.venue.update({
    where: { id: venueId },
    data: {
      ...details,
      width: doc.width,
      height: doc.height,
      stageX: doc.stage.x,
      stageY: doc.stage.y,
      layoutDocument: doc,
      layoutVersion: { increment: 1 },
    },
    select: { layoutVersion: true },
  });
  // An event's capacity is its venue's seat count.
  await tx.event.updateMany({ where: { venueId }, data: { capacity: layout.seats.length } });
  return venue.layoutVersion;
};
