// Generated seats in the shape the fans' seat map draws (ids are positions in the list; the
// preview has no database ids yet), so the designer previews on the same component fans see.
import type { EventDetail } from '@tessera/contracts/catalog';
import type { GeneratedSeat, LayoutDocument } from '@tessera/contracts/layouts';

export const toSeatMapLayout = (doc: LayoutDocument, seats: GeneratedSeat[]) => {
  const sections = doc.sections.map((s, i) => ({ id: i + 1, code: s.code, name: s.name }));
  const sectionId = new Map(sections.map((s) => [s.code, s.id]));
  const tierId = new Map(doc.tiers.map((t, i) => [t.code, i + 1]));
  const rowId = new Map<string, number>();
  const rows: EventDetail['layout']['rows'] = [];
  const layoutSeats = seats.map((s, i) => {
    const key = `${s.section}|${s.row}`;
    if (!rowId.has(key)) {
      rowId.set(key, rows.length + 1);
      rows.push({ id: rows.length + 1, sectionId: sectionId.get(s.section) ?? 0, label: s.row });
    }
    return {
      id: i + 1,
      rowId: rowId.get(key)!,
      label: s.label,
      x: s.x,
      y: s.y,
      tierId: tierId.get(s.tierCode) ?? 0,
      accessible: s.accessible,
    };
  });
  const layout: EventDetail['layout'] = {
    version: 0,
    width: doc.width,
    height: doc.height,
    stage: doc.stage,
    sections,
    rows,
    seats: layoutSeats,
  };
  const priceTiers = doc.tiers.map((t, i) => ({
    id: i + 1,
    code: t.code,
    name: t.name,
    color: t.color,
    priceCents: t.defaultPriceCents,
    currency: 'EUR',
  }));
  return { layout, priceTiers };
};
