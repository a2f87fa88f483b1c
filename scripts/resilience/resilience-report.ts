import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Figures of one resilience check, gathered in `.data/resilience-results.json` and printed. */
export function reportFigures(check: string, figures: Record<string, unknown>): void {
  const path = join('.data', 'resilience-results.json');
  mkdirSync('.data', { recursive: true });
  const all = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  all[check] = figures;
  writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`[resilience] ${check}: ${JSON.stringify(figures)}\n`);
}

/** Asks again while the answer is a failure the client cannot act on (5xx, dropped connection). */
export async function untilAnswered<T extends { status: number }>(
  attempt: () => Promise<T>,
  tries = 8,
): Promise<T | undefined> {
  for (let i = 0; i < tries; i++) {
    const res = await attempt().catch(() => undefined);
    if (res && res.status < 500) return res;
  }
  return undefined;
}

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}
