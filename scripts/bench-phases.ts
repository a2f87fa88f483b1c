/**
 * The benchmark's phases, which of them run (`BENCH_ONLY=import,reads`), and a progress line for
 * every phase and every long loop, so a run on a slow machine shows where it is and what is left.
 */
export const PHASES = ['raw', 'old', 'import', 'reads', 'reports', 'costs', 'load', 'relay', 'tab'] as const;
export type Phase = (typeof PHASES)[number];

/** `BENCH_ONLY` (comma-separated phase names) or every phase; an unknown name stops the run. */
export function selectedPhases(only: string | undefined): ReadonlySet<Phase> {
  if (!only?.trim()) return new Set(PHASES);
  const names = only
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(PHASES as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown phase ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
  return new Set(names as Phase[]);
}

const started = performance.now();
const clock = () => new Date().toISOString().slice(11, 19);
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

export const log = (text: string) =>
  process.stderr.write(`${clock()} [${minutes(performance.now() - started)}] ${text}\n`);

/** Seconds each phase took, in the order they ran (written to the results). */
export const phaseSeconds: Partial<Record<Phase, number>> = {};

type Cpu = Record<'azurite' | 'tabServer' | 'bench', number>;
let cpuProbe: (() => Promise<Cpu>) | undefined;

/** How to read the CPU seconds the processes have used so far (their difference is each phase's). */
export const setCpuProbe = (probe: () => Promise<Cpu>) => (cpuProbe = probe);

/**
 * CPU seconds each process spent in each phase. On a busy machine the wall time says little; the
 * storage emulator's CPU time is most of an idle machine's wall time (it is single-threaded and the
 * bottleneck), so these predict a run's time elsewhere.
 */
export const phaseCpuSeconds: Partial<Record<Phase, Cpu>> = {};

/** Runs `fn` when `name` is selected, with a start and an end line; undefined when it is not. */
export async function phase<T>(
  selected: ReadonlySet<Phase>,
  name: Phase,
  what: string,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  if (!selected.has(name)) return undefined;
  log(`▶ ${name}: ${what}`);
  const start = performance.now();
  const before = await cpuProbe?.();
  const result = await fn();
  const after = await cpuProbe?.();
  phaseSeconds[name] = Math.round((performance.now() - start) / 100) / 10;
  const cpu = before && after ? used(before, after) : undefined;
  if (cpu) phaseCpuSeconds[name] = cpu;
  const cpuText = cpu
    ? ` (CPU s: Azurite ${cpu.azurite}, tab server ${cpu.tabServer}, bench ${cpu.bench})`
    : '';
  log(`✓ ${name} in ${phaseSeconds[name]} s${cpuText}`);
  return result;
}

const used = (before: Cpu, after: Cpu): Cpu | undefined => {
  const d = (k: keyof Cpu) => Math.round((after[k] - before[k]) * 10) / 10;
  const cpu = { azurite: d('azurite'), tabServer: d('tabServer'), bench: d('bench') };
  return Object.values(cpu).some(Number.isNaN) ? undefined : cpu;
};

/** A progress reporter for a loop of `total` units: a line at most every 10 s, with rate and ETA. */
export function progress(label: string, total: number, unit: string): (done: number) => void {
  const start = performance.now();
  let last = start;
  return (done) => {
    const now = performance.now();
    if (now - last < 10_000 || done >= total) return;
    last = now;
    const perSecond = (done / (now - start)) * 1000;
    // The recent rate is what matters on Azurite (each row costs more than the last): say both.
    const eta = perSecond > 0 ? ` (≥ ${Math.ceil((total - done) / perSecond)} s left at the mean rate)` : '';
    log(`  … ${label}: ${done}/${total} ${unit}, ${perSecond.toFixed(0)} ${unit}/s${eta}`);
  };
}
