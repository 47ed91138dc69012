// A small card above the seat under the pointer: section, row, seat, tier, price and status.
// Decorative for screen readers, which hear the same facts from the map's live line.

export interface HoveredSeat {
  id: number;
  /** Centre-top of the seat's circle, relative to the map frame, in CSS pixels. */
  x: number;
  y: number;
  frameWidth: number;
}

const CARD_WIDTH = 240;

export const SeatDetails = ({ at, text }: { at: HoveredSeat; text: string }) => {
  // Keep the card inside the frame; below the seat when it is near the top edge.
  const left = Math.min(
    Math.max(at.x - CARD_WIDTH / 2, 4),
    Math.max(4, at.frameWidth - CARD_WIDTH - 4),
  );
  const below = at.y < 64;
  return (
    <div
      aria-hidden="true"
      data-testid="seat-details"
      className="pointer-events-none absolute z-10 rounded-lg bg-slate-900/95 px-3 py-2 text-xs leading-snug text-white shadow-lg"
      style={{
        left,
        top: below ? at.y + 22 : at.y - 8,
        width: CARD_WIDTH,
        transform: below ? undefined : 'translateY(-100%)',
      }}
    >
      {text}
    </div>
  );
};
