/**
 * The app's icons, drawn from geometry so they can be redrawn and checked: a sales funnel in three
 * stages (the pipeline) above a coin (the won deal). The same glyph serves both icons; Teams wants a
 * full-colour 192×192 icon and a 32×32 outline icon that is white on transparent.
 */
import { PNG } from 'pngjs';

/** Teams' sizes (manifest `icons.color` and `icons.outline`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** The manifest's `accentColor`; the colour icon's background. */
export const ACCENT_COLOR = '#0E7C66';

type Rgb = readonly [number, number, number];

/** Where the glyph sits inside the icon, as fractions of its side. */
type GlyphBox = { start: number; end: number };

// The colour icon keeps the glyph in Teams' safe area; the outline icon has only 32 px to spend.
const COLOR_GLYPH: GlyphBox = { start: 0.22, end: 0.78 };
const OUTLINE_GLYPH: GlyphBox = { start: 4 / 32, end: 28 / 32 };

// In 24ths of the glyph, so that the outline icon's 24 px glyph has crisp horizontal edges.
// The funnel narrows linearly from the full glyph width at the top to SPOUT_WIDTH at SPOUT_Y.
const SPOUT_Y = 19 / 24;
const SPOUT_WIDTH = 0.36;
const STAGES: readonly (readonly [number, number])[] = [
  [0, 5 / 24],
  [7 / 24, 12 / 24],
  [14 / 24, SPOUT_Y],
];
const COIN = { x: 0.5, y: 22 / 24, radius: 2 / 24 };

/** Samples per pixel side: 4×4 sub-samples give smooth edges without a drawing library. */
const SUPERSAMPLE = 4;

const funnelWidthAt = (y: number): number => 1 - ((1 - SPOUT_WIDTH) / SPOUT_Y) * y;

/** True when the point (glyph coordinates, 0..1 both ways) is on the glyph. */
export function isOnGlyph(x: number, y: number): boolean {
  const onStage = STAGES.some(
    ([top, bottom]) => y >= top && y <= bottom && Math.abs(x - 0.5) <= funnelWidthAt(y) / 2,
  );
  const onCoin = (x - COIN.x) ** 2 + (y - COIN.y) ** 2 <= COIN.radius ** 2;
  return onStage || onCoin;
}

/** The share (0..1) of the pixel at (px, py) that the glyph covers. */
function coverage(px: number, py: number, size: number, box: GlyphBox): number {
  const span = box.end - box.start;
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = ((px + (sx + 0.5) / SUPERSAMPLE) / size - box.start) / span;
      const y = ((py + (sy + 0.5) / SUPERSAMPLE) / size - box.start) / span;
      if (isOnGlyph(x, y)) hits++;
    }
  }
  return hits / SUPERSAMPLE ** 2;
}

const hexToRgb = (hex: string): Rgb => {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
};

function draw(size: number, box: GlyphBox, paint: (cover: number) => readonly number[]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      png.data.set(paint(coverage(px, py, size, box)), (py * size + px) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** 192×192, opaque: a white glyph on the accent colour. */
export function drawColorIcon(): Buffer {
  const background = hexToRgb(ACCENT_COLOR);
  const blend = (channel: number, cover: number) => Math.round(channel + (255 - channel) * cover);
  return draw(COLOR_ICON_SIZE, COLOR_GLYPH, (cover) => [
    ...background.map((channel) => blend(channel, cover)),
    255,
  ]);
}

/** 32×32: every pixel white, the glyph drawn in alpha only, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  return draw(OUTLINE_ICON_SIZE, OUTLINE_GLYPH, (cover) => [255, 255, 255, Math.round(255 * cover)]);
}
