/**
 * Redraws appPackage/color.png and appPackage/outline.png: `npx tsx appPackage/scripts/draw-icons.ts`.
 * The PNGs are committed; icons.spec.ts fails when they no longer match what this draws.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './icons';

const appPackageDir = join(__dirname, '..');
writeFileSync(join(appPackageDir, 'color.png'), drawColorIcon());
writeFileSync(join(appPackageDir, 'outline.png'), drawOutlineIcon());
console.log(`icons written to ${appPackageDir}`);
