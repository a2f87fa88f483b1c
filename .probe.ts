import { TableClient, type TransactionAction } from '@azure/data-tables';
import { startAzurite } from './shared/src/storage/azurite';
import { planChangeSet } from './shared/src/storage/change-set-actions';
import { mapBounded } from './shared/src/storage/bounded';
import { createIdGenerator } from './shared/src/storage/ids';
import { insertCost } from './shared/src/application/commit-capacity';
import { aLead } from './shared/src/testing/builders';
import type { Lead } from './shared/src/lead/lead';
async function main() {
  const N = Number(process.env.N ?? 3000);
  for (const mode of ['create', 'upsert'] as const) {
    const az = await startAzurite();
    const ids = createIdGenerator();
    const t = TableClient.fromConnectionString(az.connectionString, `probe${mode}`, { allowInsecureConnection: true });
    await t.createTable();
    const leads: Lead[] = Array.from({ length: N }, (_, i) => aLead({ workspaceId: '01KBWS0000000000000000000A', id: ids.newId(), firstName: 'João', lastName: `Gonçalves ${i}`, company: 'Fjord Bygg AS', email: `joao.${i}@fjord.example` }));
    const batches: Lead[][] = []; let cur: Lead[] = []; let cost = 0;
    for (const l of leads) { const c = insertCost('lead', l); if (cost + c > 100) { batches.push(cur); cur = []; cost = 0; } cur.push(l); cost += c; }
    batches.push(cur);
    const start = performance.now();
    await mapBounded(batches, 2, async (b) => {
      const plan = planChangeSet('01KBWS0000000000000000000A', { writes: b.map((record) => ({ type: 'insert', kind: 'lead', record })), events: [] }, new Map());
      const actions = mode === 'create' ? plan.actions.map((a): TransactionAction => (a[0] === 'upsert' ? ['create', a[1]] : a)) : plan.actions;
      await t.submitTransaction(actions);
    });
    console.log(mode, N, 'leads', ((performance.now() - start) / 1000).toFixed(1), 's');
    await az.stop();
  }
}
main();
