/** @jest-environment jsdom */
import type { Lead, Opportunity, Organisation } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadsView } from '../leads/LeadsView';
import OpportunitiesView from '../opportunities/OpportunitiesView';
import { SettingsView } from '../settings/SettingsView';
import { fakeApi, WS } from '../testing/fake-api';
import { renderView } from '../testing/render-view';

/** Erin's workspace with Bob as a member and two of Erin's leads. */
async function seeded() {
  const fake = await fakeApi();
  await fake.api.addMember(WS, { userId: 'bob', role: 'member', name: 'Bob Berg' });
  const pieter = await fake.add<Lead>('leads', {
    firstName: 'Pieter',
    lastName: 'Jansen',
    company: 'Jansen BV',
  });
  const ana = await fake.add<Lead>('leads', { firstName: 'Ana', lastName: 'Souza', company: 'Souza Ltda' });
  return { fake, pieter, ana };
}

describe('owners', () => {
  it('shows the owner in the list and on the page, and gives a new lead to the member chosen', async () => {
    const { fake, pieter } = await seeded();
    const user = userEvent.setup({ delay: null });
    const { unmount } = renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });
    const row = within(table).getByRole('row', { name: /Pieter Jansen/ });
    await within(row).findByRole('cell', { name: 'Erin' });

    await user.click(screen.getByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Last name/ }), 'Nordmann');
    const owner = within(dialog).getByRole('combobox', { name: 'Owner' });
    await within(owner).findByRole('option', { name: 'Bob Berg' });
    await user.selectOptions(owner, 'bob');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(fake.bodiesOf('POST', '/leads')).toEqual([expect.objectContaining({ ownerId: 'bob' })]),
    );
    unmount();

    renderView(<LeadsView workspaceId="ws" recordId={pieter.id} />, fake.api);
    await screen.findByRole('heading', { name: 'Pieter Jansen' });
    const owners = await screen.findAllByText('Erin');
    expect(owners.length).toBeGreaterThan(0);
  });

  it('gives selected leads to another member, naming each one that could not be given', async () => {
    const { fake, pieter, ana } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<LeadsView workspaceId="ws" debounceMs={0} />, fake.api);
    await screen.findByRole('table', { name: 'Leads' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Pieter Jansen' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Ana Souza' }));
    // Someone changes Ana after the list was read: her ETag is stale, Pieter's is not.
    await fake.changeBehindTheScenes('leads', ana.id, { title: 'CEO' });
    await user.click(screen.getByRole('button', { name: 'Give to…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Give 2 records to another owner' });
    const owner = within(dialog).getByRole('combobox', { name: /^New owner/ });
    await within(owner).findByRole('option', { name: 'Bob Berg' });
    await user.selectOptions(owner, 'bob');
    await user.click(within(dialog).getByRole('button', { name: 'Give' }));
    const notice = await screen.findByText(
      /^1 given to Bob Berg; 1 not: Ana Souza \(Someone else changed this/,
    );
    expect(notice).toBeTruthy();
    expect(fake.bodiesOf('POST', '/leads/reassign')).toEqual([
      {
        ownerId: 'bob',
        items: [
          { id: ana.id, etag: ana.etag },
          { id: pieter.id, etag: pieter.etag },
        ],
      },
    ]);
    expect((await fake.read<Lead>('leads', pieter.id)).ownerId).toBe('bob');
    expect((await fake.read<Lead>('leads', ana.id)).ownerId).toBe('erin');
  });

  it('lets owners hand new leads out in turn among the members they choose', async () => {
    const { fake } = await seeded();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    const section = await screen.findByRole('region', { name: 'Who gets new leads' });
    await screen.findByRole('textbox', { name: /Workspace name/ });
    await user.click(await within(section).findByRole('radio', { name: /^In turn/ }));
    await user.click(await within(section).findByRole('checkbox', { name: 'Bob Berg' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Erin' }));
    await user.click(within(section).getByRole('button', { name: 'Save lead assignment' }));
    await screen.findByText('Lead assignment saved.');
    expect(fake.bodiesOf('PATCH', '')).toEqual([
      { leadAssignment: { mode: 'round-robin', memberIds: ['bob', 'erin'] } },
    ]);
    const next = await fake.add<Lead>('leads', { lastName: 'Turn' });
    const after = await fake.add<Lead>('leads', { lastName: 'Turn again' });
    expect([next.ownerId, after.ownerId].sort()).toEqual(['bob', 'erin']);
  });

  it('gives selected deals to another member, naming each one that could not be given and why', async () => {
    const { fake } = await seeded();
    const org = await fake.add<Organisation>('organisations', { name: 'Jansen BV' });
    const deal = (name: string) =>
      fake.add<Opportunity>('opportunities', {
        organisationId: org.id,
        name,
        amount: 1000,
        currency: 'EUR',
        stage: 'qualification',
      });
    const fleet = await deal('Fleet renewal');
    const trucks = await deal('Trucks');
    const user = userEvent.setup({ delay: null });
    renderView(<OpportunitiesView workspaceId="ws" debounceMs={0} />, fake.api);
    await screen.findByRole('table', { name: 'Opportunities' });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Fleet renewal' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Trucks' }));
    // Trucks is changed after the list was read: its ETag is stale.
    await fake.changeBehindTheScenes('opportunities', trucks.id, { amount: 2000 });
    await user.click(screen.getByRole('button', { name: 'Give to…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Give 2 records to another owner' });
    const owner = within(dialog).getByRole('combobox', { name: /^New owner/ });
    await within(owner).findByRole('option', { name: 'Bob Berg' });
    await user.selectOptions(owner, 'bob');
    await user.click(within(dialog).getByRole('button', { name: 'Give' }));
    expect(
      await screen.findByText(/^1 given to Bob Berg; 1 not: Trucks \(Someone else changed this/),
    ).toBeTruthy();
    expect(fake.bodiesOf('POST', '/opportunities/reassign')).toEqual([
      {
        ownerId: 'bob',
        items: expect.arrayContaining([
          { id: fleet.id, etag: fleet.etag },
          { id: trucks.id, etag: trucks.etag },
        ]),
      },
    ]);
    expect((await fake.read<Opportunity>('opportunities', fleet.id)).ownerId).toBe('bob');
    expect((await fake.read<Opportunity>('opportunities', trucks.id)).ownerId).toBe('erin');
    // The selection is cleared once done.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Give to…' })).toBeNull());
  });

  it('lets owners turn the morning digest on; the choice survives a reload', async () => {
    const { fake } = await seeded();
    const user = userEvent.setup({ delay: null });
    const { unmount } = renderView(<SettingsView workspaceId="ws" />, fake.api);
    const section = await screen.findByRole('region', { name: 'Morning digest' });
    const box = within(section).getByRole('checkbox', { name: 'Send the morning digest' });
    expect((box as HTMLInputElement).checked).toBe(false);
    await user.click(box);
    await user.selectOptions(within(section).getByRole('combobox', { name: /^Time zone/ }), 'Europe/Oslo');
    await user.click(within(section).getByRole('button', { name: 'Save morning digest' }));
    await screen.findByText('Morning digest saved.');
    expect(fake.bodiesOf('PATCH', '')).toEqual([
      { morningDigest: { enabled: true, timeZone: 'Europe/Oslo' } },
    ]);
    unmount();

    // A fresh page reads it back from the server.
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    const again = await screen.findByRole('region', { name: 'Morning digest' });
    const reloaded = within(again).getByRole('checkbox', { name: 'Send the morning digest' });
    expect((reloaded as HTMLInputElement).checked).toBe(true);
    expect((within(again).getByRole('combobox', { name: /^Time zone/ }) as HTMLSelectElement).value).toBe(
      'Europe/Oslo',
    );
    await user.click(reloaded);
    await user.click(within(again).getByRole('button', { name: 'Save morning digest' }));
    await screen.findByText('Morning digest saved.');
    expect((await fake.api.getWorkspace('ws')).settings.morningDigest).toEqual({
      enabled: false,
      timeZone: 'Europe/Oslo',
    });
  });
});
