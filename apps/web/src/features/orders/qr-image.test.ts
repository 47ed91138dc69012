import { describe, expect, it } from 'vitest';
import { safeQrSrc } from './qr-image.ts';

describe('safeQrSrc', () => {
  it('accepts a base64 SVG data URL', () => {
    const src = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
    expect(safeQrSrc(src)).toBe(src);
  });

  it('refuses raw markup, other schemes and other image types', () => {
    expect(safeQrSrc('<svg onload="alert(1)"></svg>')).toBeNull();
    expect(safeQrSrc('javascript:alert(1)')).toBeNull();
    expect(safeQrSrc('data:text/html;base64,PHNjcmlwdD4=')).toBeNull();
    expect(safeQrSrc('data:image/svg+xml;utf8,<svg/>')).toBeNull();
  });
});
