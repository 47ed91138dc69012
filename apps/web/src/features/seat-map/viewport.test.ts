import { describe, expect, it } from 'vitest';
import { panToKeepInView } from './viewport.ts';

// A 1000×500 layout drawn 800×400 at 1×, in an 800×400 frame.
const base = {
  layout: { width: 1000, height: 500 },
  content: { width: 800, height: 400 },
  wrapper: { width: 800, height: 400 },
};

describe('panToKeepInView', () => {
  it('leaves the view alone while the seat is on screen', () => {
    const view = { scale: 1, positionX: 0, positionY: 0 };
    expect(panToKeepInView({ ...base, view, seat: { x: 500, y: 250 } })).toBeNull();
  });

  it('centres a seat that arrow keys moved off screen, at the same zoom', () => {
    const view = { scale: 4, positionX: 0, positionY: 0 };
    // At 4× the seat at (500, 250) is drawn at (1600, 800): outside the 800×400 frame.
    const target = panToKeepInView({ ...base, view, seat: { x: 500, y: 250 } });
    expect(target).toEqual({ x: 400 - 1600, y: 200 - 800 });
  });

  it('treats a seat hugging the frame edge as out of view', () => {
    const view = { scale: 1, positionX: 0, positionY: 0 };
    expect(panToKeepInView({ ...base, view, seat: { x: 5, y: 250 } })).not.toBeNull();
  });
});
