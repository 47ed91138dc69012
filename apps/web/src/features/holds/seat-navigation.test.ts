import { describe, expect, it } from 'vitest';
import { layout } from './fixtures.test-data.ts';
import { buildSeatNavigation, directionOfKey } from './seat-navigation.ts';

const nav = buildSeatNavigation(layout);

describe('buildSeatNavigation', () => {
  it('starts at the first seat and walks the layout order sideways', () => {
    expect(nav.first).toBe(1);
    expect(nav.move(1, 'right')).toBe(2);
    expect(nav.move(2, 'right')).toBe(3);
    expect(nav.move(1, 'left')).toBe(1);
  });

  it('jumps to the nearest seat of the next or previous row', () => {
    expect(nav.move(2, 'down')).toBe(4);
    expect(nav.move(3, 'up')).toBe(1);
    expect(nav.move(5, 'down')).toBe(5);
  });

  it('maps arrow keys only', () => {
    expect(directionOfKey('ArrowUp')).toBe('up');
    expect(directionOfKey('Enter')).toBeUndefined();
  });
});
