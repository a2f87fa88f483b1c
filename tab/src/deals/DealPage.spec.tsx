/** @jest-environment jsdom */
import type { Opportunity, Organisation } from '@crm/shared';
import { screen, within } from '@testing-library/react';
import OpportunitiesView from '../opportunities/OpportunitiesView';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';

async function seeded() {
  const fake = await fakeApi();
  const organisation = await fake.add<Organisation>('organisations', { name: 'Fjordlys Logistikk AS' });
  const planned = await fake.add<Opportunity>('opportunities', {
    name: 'Fleet tracking',
    organisationId: organisation.id,
  });
  const idle = await fake.add<Opportunity>('opportunities', {
    name: 'Cold storage',
    organisationId: organisation.id,
  });
  await fake.add('activities', {
    type: 'meeting',
    subject: 'Demo',
    regarding: { type: 'opportunity', id: planned.id },
    occurredAt: '2026-12-01T09:00:00Z',
    completed: false,
  });
  return { fake, planned, idle };
}

describe('next steps of deals', () => {
  it('shows each open deal’s next activity in the list, and flags one without', async () => {
    const { fake, planned } = await seeded();
    renderView(<OpportunitiesView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Opportunities' });
    const withNext = within(table).getByRole('row', { name: /Fleet tracking/ });
    expect(within(withNext).getByText(/^Demo · /)).toBeTruthy();
    expect(within(withNext).getByRole('link', { name: 'Fleet tracking' }).getAttribute('href')).toContain(
      `opportunities/${planned.id}`,
    );
    const without = within(table).getByRole('row', { name: /Cold storage/ });
    expect(within(without).getByText('No next step')).toBeTruthy();
  });

  it('shows a deal’s page with its next step and its activities', async () => {
    const { fake, planned, idle } = await seeded();
    const { unmount } = renderView(<OpportunitiesView workspaceId="ws" recordId={planned.id} />, fake.api);
    await screen.findByRole('heading', { name: 'Fleet tracking' });
    expect(screen.getByText(/^Demo · /)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Fjordlys Logistikk AS' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New activity' })).toBeTruthy();
    unmount();
    renderView(<OpportunitiesView workspaceId="ws" recordId={idle.id} />, fake.api);
    await screen.findByRole('heading', { name: 'Cold storage' });
    expect(screen.getByText('No next step')).toBeTruthy();
  });
});
