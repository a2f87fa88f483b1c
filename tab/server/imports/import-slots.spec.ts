import { memoryLeases } from '@crm/shared/storage';
import {
  createImportSlots,
  createSharedImportSlots,
  type ImportSlotLimits,
  type ImportSlots,
} from './import-slots';

const kinds: [string, (limits: ImportSlotLimits) => ImportSlots][] = [
  ['in this process', createImportSlots],
  ['in shared leases', (limits) => createSharedImportSlots(memoryLeases(), limits)],
];

describe.each(kinds)('import slots %s', (_name, create) => {
  it('given a user with as many imports in flight as one may, then their next waits; others still start', async () => {
    const slots = create({ perUser: 2, perServer: 10 });
    const first = await slots.acquire('t/anna');
    expect(await slots.acquire('t/anna')).toMatchObject({ ok: true });
    expect(await slots.acquire('t/anna')).toEqual({ ok: false, refused: 'user' });
    expect(await slots.acquire('t/bo')).toMatchObject({ ok: true });
    if (first.ok) first.release();
    await waitFor(async () => (await slots.acquire('t/anna')).ok);
  });

  it('given the server full, then nobody starts until a slot is released, and a release counts once', async () => {
    const slots = create({ perUser: 2, perServer: 2 });
    const anna = await slots.acquire('t/anna');
    await slots.acquire('t/bo');
    expect(await slots.acquire('t/carl')).toEqual({ ok: false, refused: 'server' });
    expect(slots.held()).toBe(2);
    if (anna.ok) {
      anna.release();
      anna.release();
    }
    expect(slots.held()).toBe(1);
    await waitFor(async () => (await slots.acquire('t/carl')).ok);
    expect(await slots.acquire('t/dave')).toEqual({ ok: false, refused: 'server' });
  });
});

it('given two instances sharing the leases, then the limits count the imports of both', async () => {
  const leases = memoryLeases();
  const a = createSharedImportSlots(leases, { perUser: 1, perServer: 2 });
  const b = createSharedImportSlots(leases, { perUser: 1, perServer: 2 });
  expect(await a.acquire('t/anna')).toMatchObject({ ok: true });
  expect(await b.acquire('t/anna')).toEqual({ ok: false, refused: 'user' });
  expect(await b.acquire('t/bo')).toMatchObject({ ok: true });
  expect(await a.acquire('t/carl')).toEqual({ ok: false, refused: 'server' });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}
