import { runReport, type AppDeps } from '@crm/shared/application';
import { createInMemoryStorage, fixedClock, sequentialIds } from '@crm/shared/testing';
import { createLogger } from '../http/logging';
import { DEMO_ACTOR, seedDemoData } from './demo-data';

describe('seedDemoData (in memory)', () => {
  it('gives the won deal a sales cycle: it was created well before it was won', async () => {
    const storage = createInMemoryStorage();
    const deps: AppDeps = { ...storage, clock: fixedClock(), ids: sequentialIds('id') };
    await seedDemoData(deps, createLogger('silent'));
    let ws = '';
    for await (const w of deps.workspaces.listAll()) ws = w.id;
    const cycle = await runReport(deps, { actor: DEMO_ACTOR }, ws, 'sales-cycle');
    expect(cycle).toEqual({ ok: true, value: { wonDeals: 1, averageDays: expect.any(Number) } });
    expect(cycle.ok && (cycle.value as { averageDays: number }).averageDays).toBeGreaterThanOrEqual(14);
  });
});
