/** @jest-environment jsdom */
import type { Lead, Opportunity, Organisation } from '@crm/shared';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { fakeApi, WS, type FakeApi } from '../testing/fake-api';
import { ApiProvider } from './ApiContext';
import {
  useAddMember,
  useConvertLead,
  useCreateRecord,
  useCreateWorkspace,
  useDeleteRecord,
  useMoveStage,
  usePurgeRecord,
  useRestoreRecord,
  useUpdateRecord,
  useUpdateWorkspace,
} from './mutations';
import { queryKeys } from './query-keys';

/** One cached query of every family, named for the failure messages. */
const CACHED: Record<string, QueryKey> = {
  'leads list': queryKeys.list(WS, 'leads', {}),
  'lead matches': queryKeys.conversionMatches(WS, 'L1'),
  'organisation names': queryKeys.organisationNames(WS),
  'contact record': queryKeys.record(WS, 'contacts', 'C1'),
  board: queryKeys.board(WS),
  'deal history': queryKeys.stageHistory(WS, 'D1'),
  'activities list': queryKeys.list(WS, 'activities', {}),
  'campaign results': queryKeys.campaignResults(WS),
  'stale deals report': queryKeys.report(WS, 'stale-deals'),
  workspace: queryKeys.workspace(WS),
  workspaces: queryKeys.workspaces(),
  members: queryKeys.members(WS),
  'recycle bin': queryKeys.recycleBin(WS),
};

/** The hook over the fake API with every family cached; `refreshed()` names what it invalidated. */
function mount<R>(fake: FakeApi, hook: () => R) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const key of Object.values(CACHED)) queryClient.setQueryData(key, 'cached');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={fake.api}>{children}</ApiProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(hook, { wrapper });
  const refreshed = () =>
    Object.entries(CACHED)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name);
  return { mutation: result.current, refreshed };
}

const fails = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );

async function seeded() {
  const fake = await fakeApi();
  const lead = await fake.add<Lead>('leads', { lastName: 'Jansen', company: 'Jansen BV' });
  const organisation = await fake.add<Organisation>('organisations', { name: 'Souza Ltda' });
  const deal = await fake.add<Opportunity>('opportunities', {
    name: 'Trucks',
    organisationId: organisation.id,
  });
  return { fake, lead, organisation, deal };
}

describe('what each write refreshes', () => {
  it('a created record: its kind only', async () => {
    const { fake } = await seeded();
    const { mutation, refreshed } = mount(fake, () => useCreateRecord(WS, 'leads'));

    await mutation.mutateAsync({ lastName: 'Souza' });

    expect(refreshed()).toEqual(['leads list', 'lead matches']);
  });

  it('a changed record: its kind, after a success or a 412, not after another refusal', async () => {
    const { fake, lead } = await seeded();
    const saved = mount(fake, () => useUpdateRecord<Lead>(WS, 'leads'));
    const stale = mount(fake, () => useUpdateRecord<Lead>(WS, 'leads'));
    const invalid = mount(fake, () => useUpdateRecord<Lead>(WS, 'leads'));

    await saved.mutation.mutateAsync({ record: lead, patch: { title: 'CEO' } });
    expect(await fails(stale.mutation.mutateAsync({ record: lead, patch: { title: 'CFO' } }))).toBe(
      'CONCURRENCY.STALE',
    );
    const current = await fake.read<Lead>('leads', lead.id);
    expect(await fails(invalid.mutation.mutateAsync({ record: current, patch: { email: 'nope' } }))).toBe(
      'VALIDATION.FAILED',
    );

    expect(saved.refreshed()).toEqual(['leads list', 'lead matches']);
    expect(stale.refreshed()).toEqual(['leads list', 'lead matches']);
    expect(invalid.refreshed()).toEqual([]);
  });

  it('a deleted record: its kind', async () => {
    const { fake } = await seeded();
    const other = await fake.add<Organisation>('organisations', { name: 'Bakker Bouw' });
    const { mutation, refreshed } = mount(fake, () => useDeleteRecord(WS, 'organisations'));

    await mutation.mutateAsync(other);

    expect(refreshed()).toEqual(['organisation names']);
  });

  it('a conversion: leads, organisations, contacts and deals', async () => {
    const { fake, lead } = await seeded();
    const { mutation, refreshed } = mount(fake, () => useConvertLead(WS));

    await mutation.mutateAsync({ id: lead.id, input: {} });

    expect(refreshed()).toEqual([
      'leads list',
      'lead matches',
      'organisation names',
      'contact record',
      'board',
      'deal history',
    ]);
  });

  it('a stage move: deals and every report, whatever the answer', async () => {
    const { fake, deal } = await seeded();
    const moved = mount(fake, () => useMoveStage(WS));
    const refused = mount(fake, () => useMoveStage(WS));

    await moved.mutation.mutateAsync({ deal, stage: 'negotiation' });
    const current = await fake.read<Opportunity>('opportunities', deal.id);
    expect(await fails(refused.mutation.mutateAsync({ deal: current, stage: 'closed-lost' }))).toBe(
      'OPPORTUNITY.LOST_REASON_REQUIRED',
    );

    for (const { refreshed } of [moved, refused])
      expect(refreshed()).toEqual(['board', 'deal history', 'stale deals report']);
  });

  it('the recycle bin: a restore refreshes the bin and the kind, a purge the bin', async () => {
    const { fake, lead } = await seeded();
    const organisation = await fake.add<Organisation>('organisations', { name: 'Bakker Bouw' });
    await fake.remove('leads', lead.id);
    await fake.remove('organisations', organisation.id);
    const restored = mount(fake, () => useRestoreRecord(WS));
    const purged = mount(fake, () => usePurgeRecord(WS));

    await restored.mutation.mutateAsync({ plural: 'leads', id: lead.id });
    await purged.mutation.mutateAsync({ plural: 'organisations', id: organisation.id });

    expect(restored.refreshed()).toEqual(['leads list', 'lead matches', 'recycle bin']);
    expect(purged.refreshed()).toEqual(['recycle bin']);
  });

  it('workspaces and members: their own queries', async () => {
    const fake = await fakeApi();
    const created = mount(fake, () => useCreateWorkspace());
    const settings = mount(fake, () => useUpdateWorkspace(WS));
    const member = mount(fake, () => useAddMember(WS));
    const refusedMember = mount(fake, () => useAddMember(WS));

    await created.mutation.mutateAsync('Sales BE');
    await settings.mutation.mutateAsync({
      workspace: await fake.api.getWorkspace(WS),
      patch: { name: 'NL' },
    });
    await member.mutation.mutateAsync({ userId: 'sam', role: 'member' });
    expect(await fails(refusedMember.mutation.mutateAsync({ userId: 'sam', role: 'member' }))).toBe(
      'WORKSPACE.MEMBER_EXISTS',
    );

    expect(created.refreshed()).toEqual(['workspaces']);
    // Its name is also in the list of workspaces (the switcher and the picker).
    expect(settings.refreshed()).toEqual(['workspace', 'workspaces']);
    expect(member.refreshed()).toEqual(['members']);
    expect(refusedMember.refreshed()).toEqual(['members']);
  });
});
