// Browser side of `measure-seat-map.ts`: mounts the on-sale seat map (production React build) for a
// given layout and times the first draw, the first snapshot and live deltas of several sizes, each
// from the state change to the next painted frame.
import type { VenueLayout } from '@tessera/contracts/catalog';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { buildLayoutDrawing } from '../../catalog/seat-map-geometry.ts';
import { InteractiveSeatMap } from '../../holds/interactive-seat-map.tsx';
import { buildSeatNavigation } from '../../holds/seat-navigation.ts';
import { buildSectionStates } from '../../holds/seat-states.ts';
import type { SeatStatus } from '../../holds/selection.ts';
import { applyDelta, stateFromSnapshot, type LiveSeatState } from '../live-seat-state.ts';

export interface BenchInput {
  layout: VenueLayout;
  colors: [number, string][];
  deltaSizes: number[];
  rounds: number;
  /** Fade status changes (the page does, outside prefers-reduced-motion). */
  animate: boolean;
}

export interface Timing {
  /** React render + commit (flushSync), ms. */
  render: number;
  /** From the state change to the next frame after paint, ms. */
  frame: number;
}

const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const NONE = new Set<number>();

const run = async ({ layout, colors, deltaSizes, rounds, animate }: BenchInput) => {
  const container = document.getElementById('bench') as HTMLElement;
  const root = createRoot(container);
  const drawing = buildLayoutDrawing(layout);
  const navigation = buildSeatNavigation(layout);
  const colorOf = new Map(colors);
  const ids = layout.seats.map((s) => s.id).sort((a, b) => a - b);
  const draw = (statuses: ReadonlyMap<number, SeatStatus>): Timing => {
    const start = performance.now();
    const states = buildSectionStates({
      sections: drawing.sections,
      statuses,
      mine: NONE,
      selected: NONE,
    });
    flushSync(() =>
      root.render(
        <InteractiveSeatMap
          layout={layout}
          drawing={drawing}
          colorOf={colorOf}
          states={states}
          venueName="Bench"
          navigation={navigation}
          activeSeat={null}
          onActiveSeatChange={() => {}}
          onToggleSeat={() => {}}
          onHoverSeat={() => {}}
          describedBy="none"
          animate={animate}
          scale={1}
          onZoomKey={() => {}}
        />,
      ),
    );
    return { render: performance.now() - start, frame: 0 };
  };
  const timed = async (change: () => Timing): Promise<Timing> => {
    const start = performance.now();
    const { render } = change();
    await nextFrame();
    return { render, frame: performance.now() - start };
  };

  const firstDraw = await timed(() => draw(new Map()));
  let state: LiveSeatState = stateFromSnapshot({
    version: 1,
    seatIds: ids,
    statuses: 'a'.repeat(ids.length),
  });
  const snapshot = await timed(() => draw(state.statuses));
  const deltas: Record<number, Timing[]> = {};
  for (const size of deltaSizes) {
    deltas[size] = [];
    for (let r = 0; r < rounds; r += 1) {
      const seats: [number, SeatStatus][] = [];
      for (let i = 0; i < size; i += 1) {
        const id = ids[Math.floor(Math.random() * ids.length)] as number;
        seats.push([id, state.statuses.get(id) === 'a' ? 'h' : 'a']);
      }
      const outcome = applyDelta(state, {
        fromVersion: state.version,
        toVersion: state.version + 1,
        seats,
      });
      if (outcome.kind !== 'applied') throw new Error('delta not applied');
      state = outcome.state;
      deltas[size].push(await timed(() => draw(state.statuses)));
      // Let the 0.5 s fades run out of the way of the next measurement.
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
  // A frame with nothing changed: what the page and the machine cost anyway.
  const idle: Timing[] = [];
  for (let r = 0; r < rounds; r += 1) idle.push(await timed(() => ({ render: 0, frame: 0 })));
  const circles = document.querySelectorAll('[data-seat-id]').length;
  root.unmount();
  return { seats: ids.length, circles, firstDraw, snapshot, deltas, idle };
};

declare global {
  interface Window {
    runSeatMapBench: typeof run;
  }
}
window.runSeatMapBench = run;
