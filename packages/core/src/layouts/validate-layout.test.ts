// Layout validation: each kind of mistake an admin can make is named with the seats it concerns.
import { describe, expect, it } from 'vitest';
import { MAX_LAYOUT_SEATS } from './generate-layout.ts';
import { block, layoutDocument, section } from './layout-test-documents.ts';
import { checkLayout } from './validate-layout.ts';

const codes = (doc: Parameters<typeof checkLayout>[0]) =>
  checkLayout(doc).issues.map((i) => [i.code, i.severity]);

describe('checkLayout', () => {
  it('accepts a plain layout', () => {
    const check = checkLayout(layoutDocument());
    expect(check).toMatchObject({ ok: true, issues: [] });
    expect(check.layout.seats).toHaveLength(4);
  });

  it('refuses two rows with the same label in a section', () => {
    const doc = layoutDocument({
      sections: [
        section({
          blocks: [
            block(),
            block({
              id: 'b2',
              geometry: { kind: 'straight', origin: { x: 10, y: 40 }, angle: 0, seatSpacing: 1 },
            }),
          ],
        }),
      ],
    });
    const check = checkLayout(doc);
    expect(check.ok).toBe(false);
    expect(check.issues).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_ROW_LABEL', section: 'S1', row: 'A' }),
    );
    // The merged row also carries each seat label twice.
    expect(check.issues).toContainEqual(
      expect.objectContaining({
        code: 'DUPLICATE_SEAT_LABEL',
        row: 'A',
        seats: ['1', '2', '3', '4'],
      }),
    );
  });

  it('allows the same row label in different sections', () => {
    const doc = layoutDocument({
      sections: [
        section(),
        section({
          code: 'S2',
          blocks: [
            block({
              geometry: { kind: 'straight', origin: { x: 10, y: 60 }, angle: 0, seatSpacing: 1 },
            }),
          ],
        }),
      ],
    });
    expect(checkLayout(doc).ok).toBe(true);
  });

  it('names seats closer than the minimum spacing', () => {
    const doc = layoutDocument({
      sections: [
        section({
          blocks: [
            block({
              geometry: { kind: 'straight', origin: { x: 10, y: 20 }, angle: 0, seatSpacing: 0.5 },
              seatsPerRow: 3,
            }),
          ],
        }),
      ],
    });
    const issue = checkLayout(doc).issues.find((i) => i.code === 'OVERLAPPING_SEATS');
    expect(issue?.severity).toBe('error');
    expect(issue?.seats).toEqual(['S1 row A seat 1', 'S1 row A seat 2', 'S1 row A seat 3']);
  });

  it('finds overlaps between sections, not only within a row', () => {
    const doc = layoutDocument({
      sections: [
        section(),
        section({
          code: 'S2',
          blocks: [
            block({
              geometry: {
                kind: 'straight',
                origin: { x: 13.2, y: 20.3 },
                angle: 0,
                seatSpacing: 1,
              },
            }),
          ],
        }),
      ],
    });
    const issue = checkLayout(doc).issues.find((i) => i.code === 'OVERLAPPING_SEATS');
    expect(issue?.seats).toEqual(['S1 row A seat 4', 'S2 row A seat 1']);
  });

  it('accepts seats exactly the minimum spacing apart', () => {
    const doc = layoutDocument({
      minSeatSpacing: 1,
      sections: [
        section({
          blocks: [
            block({
              geometry: {
                kind: 'curved',
                center: { x: 50, y: 50 },
                radius: 10,
                arc: {
                  by: 'ends',
                  startAngle: 0,
                  endAngle: ((2 * Math.asin(0.05) * 180) / Math.PI) * 3,
                },
              },
            }),
          ],
        }),
      ],
    });
    expect(checkLayout(doc).issues.filter((i) => i.code === 'OVERLAPPING_SEATS')).toEqual([]);
  });

  it('names seats outside the venue', () => {
    const doc = layoutDocument({
      width: 12,
      sections: [section()],
    });
    const issue = checkLayout(doc).issues.find((i) => i.code === 'OUT_OF_BOUNDS');
    expect(issue?.seats).toEqual(['S1 row A seat 4']);
  });

  it('refuses unknown and duplicate tiers and duplicate section codes', () => {
    const doc = layoutDocument({
      tiers: [
        { code: 'A', name: 'Front', color: '#e11d48', defaultPriceCents: 1 },
        { code: 'A', name: 'Again', color: '#e11d48', defaultPriceCents: 1 },
      ],
      sections: [
        section({ seatOverrides: [{ row: 'A', seat: '1', tierCode: 'VIP' }] }),
        section({ blocks: [] }),
      ],
    });
    expect(codes(doc)).toEqual([
      ['DUPLICATE_TIER', 'error'],
      ['DUPLICATE_SECTION', 'error'],
      ['UNKNOWN_TIER', 'error'],
    ]);
    expect(checkLayout(doc).issues[2]!.message).toContain('VIP');
  });

  it('warns about an edit of a seat that no longer exists, without blocking', () => {
    const doc = layoutDocument({
      sections: [section({ seatOverrides: [{ row: 'A', seat: '7', accessible: true }] })],
    });
    const check = checkLayout(doc);
    expect(check.ok).toBe(true);
    expect(codes(doc)).toEqual([['UNMATCHED_OVERRIDE', 'warning']]);
  });

  it('refuses a layout without seats', () => {
    expect(codes(layoutDocument({ sections: [] }))).toEqual([['NO_SEATS', 'error']]);
  });

  it('refuses more seats than a venue may hold without generating them', () => {
    const doc = layoutDocument({
      sections: [
        section({
          blocks: [
            block({ rowCount: 200, seatsPerRow: 500 }),
            block({ id: 'b2', rowCount: 1, seatsPerRow: 1 }),
          ],
        }),
      ],
    });
    expect(200 * 500 + 1).toBeGreaterThan(MAX_LAYOUT_SEATS);
    const check = checkLayout(doc);
    expect(codes(doc)).toEqual([['TOO_MANY_SEATS', 'error']]);
    expect(check.layout.seats).toEqual([]);
  });
});
