import { describe, expect, it } from 'vitest';
import { CAP_RATIO, DESIGN_BODY, minCapHeightMm, minCapPixels, shortSideMm, typeScale } from '#lib/kiosk/type-scale.ts';

describe('the hall screen type scale', () => {
  it('asks 22 minutes of arc of cap height: about 19 mm at 3 m and 32 mm at 5 m', () => {
    expect(minCapHeightMm(3)).toBeCloseTo(19.2, 1);
    expect(minCapHeightMm(5)).toBeCloseTo(32.0, 1);
  });

  it('knows a 55-inch 16:9 screen is about 685 mm tall', () => {
    expect(shortSideMm(55)).toBeCloseTo(684.9, 0);
  });

  it('by default, reads from 3 m on a 55-inch screen: a 30 px cap height at 1080p, body text scaled up by about a fifth', () => {
    const t = typeScale();
    expect(t.distance).toBe(3);
    expect(t.diagonal).toBe(55);
    expect(minCapPixels(t, 1920, 1080)).toBeGreaterThan(30);
    expect(minCapPixels(t, 1920, 1080)).toBeLessThan(31);
    // Portrait, the same screen on its side: the same cap height.
    expect(minCapPixels(t, 1080, 1920)).toBe(minCapPixels(t, 1920, 1080));
    expect(t.scale).toBeGreaterThan(1.19);
    expect(t.scale).toBeLessThan(1.2);
  });

  it('never rounds body text under the minimum', () => {
    for (const distance of [1, 1.5, 2, 2.5, 3, 4, 6]) {
      for (const diagonal of [32, 43, 55, 65, 75, 86]) {
        const t = typeScale({ distance, diagonal });
        if (t.scale === 0.75 || t.scale === 3) continue;
        const bodyCap = ((DESIGN_BODY * t.scale) / 100) * CAP_RATIO;
        expect(bodyCap, `${distance} m, ${diagonal} in`).toBeGreaterThanOrEqual(t.minCapShare);
      }
    }
  });

  it('makes text larger for a farther reader or a smaller screen, and lets a slide grow to fill its screen', () => {
    expect(typeScale({ distance: 5 }).scale).toBeGreaterThan(typeScale({ distance: 3 }).scale);
    expect(typeScale({ diagonal: 43 }).scale).toBeGreaterThan(typeScale({ diagonal: 65 }).scale);
    const t = typeScale();
    expect(t.maxScale).toBeGreaterThan(t.scale);
  });
});
