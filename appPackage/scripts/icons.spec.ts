import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  ACCENT_COLOR,
  COLOR_ICON_SIZE,
  drawColorIcon,
  drawOutlineIcon,
  isOnGlyph,
  OUTLINE_ICON_SIZE,
} from './icons';

const committed = (name: string) => PNG.sync.read(readFileSync(join(__dirname, '..', name)));
const pixels = (png: PNG) =>
  Array.from({ length: png.data.length / 4 }, (_, i) => [...png.data.subarray(i * 4, i * 4 + 4)]);

describe('the icons', () => {
  it.each([
    ['color.png', drawColorIcon],
    ['outline.png', drawOutlineIcon],
  ])('%s is what draw-icons.ts draws (pixels, not bytes: zlib may differ)', (name, draw) => {
    expect(committed(name).data.equals(PNG.sync.read(draw()).data)).toBe(true);
  });

  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect([committed('color.png').width, committed('color.png').height]).toEqual([
      COLOR_ICON_SIZE,
      COLOR_ICON_SIZE,
    ]);
    expect([committed('outline.png').width, committed('outline.png').height]).toEqual([
      OUTLINE_ICON_SIZE,
      OUTLINE_ICON_SIZE,
    ]);
  });

  it('draw the outline in white on transparent, with some of each', () => {
    const outline = pixels(committed('outline.png'));
    expect(outline.filter(([r, g, b]) => r !== 255 || g !== 255 || b !== 255)).toEqual([]);
    expect(outline.some(([, , , alpha]) => alpha === 0)).toBe(true);
    expect(outline.some(([, , , alpha]) => alpha === 255)).toBe(true);
  });

  it('draw the colour icon opaque, in more than one colour', () => {
    const color = pixels(committed('color.png'));
    expect(color.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(new Set(color.map((pixel) => pixel.join())).size).toBeGreaterThan(2);
  });

  it("paint the colour icon's background in the manifest's accent colour", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'manifest.json'), 'utf8'));
    const [r, g, b] = pixels(committed('color.png'))[0]!;
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
    expect(`#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(
      ACCENT_COLOR,
    );
  });

  it.each([
    [0.5, 0.1, true], // the widest stage
    [0.5, 0.25, false], // the gap between stages
    [0.05, 0.7, false], // beside the narrow stage
    [0.5, 22 / 24, true], // the coin
  ])('puts the glyph at (%d, %d): %s', (x, y, on) => {
    expect(isOnGlyph(x, y)).toBe(on);
  });
});
