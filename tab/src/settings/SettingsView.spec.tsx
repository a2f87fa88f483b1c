/** @jest-environment jsdom */
import type { Lead, Organisation, Stage } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { workspacesQuery } from '../api/query-keys';
import { RecycleBinView } from '../recycle-bin/RecycleBinView';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { SettingsView } from './SettingsView';

/** One open stage and the two closed ones. */
const STAGES = [
  { id: 'prospecting', probability: 10, forecastCategory: 'pipeline', kind: 'open' },
  { id: 'closed-won', probability: 100, forecastCategory: 'closed', kind: 'won' },
  { id: 'closed-lost', probability: 0, forecastCategory: 'omitted', kind: 'lost' },
] as const satisfies readonly Stage[];

const settings = () => fakeApi({ stages: STAGES });

/** What the workspace switcher and picker show: the names from the list of workspaces. */
function WorkspaceNames() {
  const list = useQuery(workspacesQuery(useApi()));
  return (
    <ul aria-label="Workspace names">
      {list.data?.map((w) => (
        <li key={w.id}>{w.name}</li>
      ))}
    </ul>
  );
}

describe('settings and members', () => {
  it('saves currency, stale days and stage probabilities, checked with the shared schema', async () => {
    const fake = await settings();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    const currency = await screen.findByRole('textbox', { name: 'Default currency' });
    await user.clear(currency);
    await user.type(currency, 'xx');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This value is not valid.')).toBeTruthy();
    expect(fake.bodiesOf('PATCH', '')).toEqual([]);

    await user.clear(currency);
    await user.type(currency, 'nok');
    const probability = screen.getByRole('spinbutton', { name: 'Probability of Prospecting (%)' });
    await user.clear(probability);
    await user.type(probability, '15');
    expect(
      (screen.getByRole('spinbutton', { name: 'Probability of Closed – Won (%)' }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(fake.bodiesOf('PATCH', '').at(0)).toMatchObject({
      defaultCurrency: 'NOK',
      stages: expect.arrayContaining([expect.objectContaining({ id: 'prospecting', probability: 15 })]),
    });
  });

  it('renames, adds and reorders stages by keyboard, and saves them with ids made from their names', async () => {
    const fake = await settings();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    // The only open stage cannot be removed, nor moved.
    expect(
      (await screen.findByRole<HTMLButtonElement>('button', { name: 'Remove Prospecting' })).disabled,
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Remove Closed – Won' })).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'New stage' }), 'Demo gegeven{Enter}');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name of stage 2' }).value).toBe(
      'Demo gegeven',
    );
    await screen.findByText('Demo gegeven will be added when you save.');
    const first = screen.getByRole('textbox', { name: 'Name of stage 1' });
    await user.clear(first);
    await user.type(first, 'First call');

    // By keyboard: the moved stage's other button keeps the focus once the row reaches the top.
    screen.getByRole('button', { name: 'Move up (Demo gegeven)' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText('Demo gegeven is now stage 1 of 4.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down (Demo gegeven)' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name of stage 2' }).value).toBe(
      'First call',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Forecast category of Demo gegeven' }),
      'best-case',
    );

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(fake.bodiesOf('PATCH', '').at(0)).toMatchObject({
      stages: [
        { id: 'demo-gegeven', label: 'Demo gegeven', probability: 10, forecastCategory: 'best-case' },
        { id: 'prospecting', label: 'First call', probability: 10, forecastCategory: 'pipeline' },
        { id: 'closed-won', probability: 100 },
        { id: 'closed-lost', probability: 0 },
      ],
    });
    // The fresh version shows the saved order and names.
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name of stage 1' }).value).toBe(
        'Demo gegeven',
      ),
    );
  });

  it('checks names and probabilities before sending anything', async () => {
    const fake = await settings();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    await user.click(await screen.findByRole('button', { name: 'Add stage' }));
    expect(await screen.findByText('This field is required.')).toBeTruthy();
    const probability = screen.getByRole('spinbutton', { name: 'Probability of Prospecting (%)' });
    await user.clear(probability);
    await user.type(probability, '150');
    await user.clear(screen.getByRole('textbox', { name: 'Name of stage 1' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number from 0 to 100.')).toBeTruthy();
    expect(screen.getAllByText('This field is required.')).toHaveLength(2);
    expect(fake.bodiesOf('PATCH', '')).toEqual([]);
  });

  it('removes an unused stage, and says which stage still has deals when a removal is refused', async () => {
    const fake = await settings();
    const organisation = await fake.add<Organisation>('organisations', { name: 'Jansen BV' });
    await fake.add('opportunities', {
      name: 'Trucks',
      organisationId: organisation.id,
      stage: 'prospecting',
    });
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    await user.type(await screen.findByRole('textbox', { name: 'New stage' }), 'Demo');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Saved: the form starts again from the saved version (the draft's remarks are gone).
    await screen.findByText('Saved.');
    await waitFor(() => expect(screen.queryByText('Demo will be added when you save.')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Remove Demo' }));
    await screen.findByText('Demo will be removed when you save.');
    expect(screen.queryByRole('button', { name: 'Remove Demo' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByText('Demo will be removed when you save.')).toBeNull());
    expect(fake.bodiesOf('PATCH', '').at(-1)).toMatchObject({
      stages: [{ id: 'prospecting' }, { id: 'closed-won' }, { id: 'closed-lost' }],
    });

    await user.type(await screen.findByRole('textbox', { name: 'New stage' }), 'Demo');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await user.click(screen.getByRole('button', { name: 'Remove Prospecting' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/The stage “Prospecting” still has opportunities, so it was not removed/);
    // The owner's changes stay on the page.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name of stage 1' }).value).toBe('Demo');
  });

  it('renames the workspace, and the switcher and picker show the new name at once', async () => {
    const fake = await settings();
    const user = userEvent.setup({ delay: null });
    renderView(
      <>
        <WorkspaceNames />
        <SettingsView workspaceId="ws" />
      </>,
      fake.api,
    );
    const names = await screen.findByRole('list', { name: 'Workspace names' });
    await within(names).findByRole('listitem');
    const name = await screen.findByRole('textbox', { name: /^Workspace name/ });
    await user.clear(name);
    await user.type(name, 'Sales Nordics');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await within(names).findByText('Sales Nordics');
  });

  it('says when another owner saved first, and shows their version', async () => {
    const fake = await settings();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    await screen.findByRole('textbox', { name: /^Workspace name/ });
    await fake.changeWorkspaceBehindTheScenes({ name: 'Sales Nordics' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Someone else changed the settings meanwhile/);
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: /^Workspace name/ }) as HTMLInputElement).value).toBe(
        'Sales Nordics',
      ),
    );
  });

  it('adds a member, changes a role and removes one', async () => {
    const fake = await settings();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    await screen.findByRole('table', { name: 'Members' });
    await user.type(screen.getByRole('textbox', { name: /^User id/ }), 'sam');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await screen.findByText('Sam was added.');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Sam' }), 'owner');
    await screen.findByText('Saved.');
    await user.click(screen.getByRole('button', { name: 'Remove Sam' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Remove Sam' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    await screen.findByText('Sam was removed.');
    // Below the members: the Teams channels that hear the workspace (ChannelsSection.spec.tsx).
    expect(await screen.findByRole('region', { name: 'Teams channels' })).toBeTruthy();
  });
});

describe('recycle bin', () => {
  it('restores and purges deleted records', async () => {
    const fake = await fakeApi();
    const ana = await fake.add<Lead>('leads', { firstName: 'Ana', lastName: 'Souza' });
    const old = await fake.add<Organisation>('organisations', { name: 'Old BV' });
    await fake.remove('leads', ana.id);
    await fake.remove('organisations', old.id);
    const user = userEvent.setup({ delay: null });
    renderView(<RecycleBinView workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Recycle bin' });
    expect(within(table).getByRole('cell', { name: 'Organisation' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Actions for Ana Souza' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Restore' }));
    await screen.findByText('Ana Souza was restored.');
    await user.click(await screen.findByRole('button', { name: 'Actions for Old BV' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Purge' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Purge Old BV for good' })).getByRole('button', {
        name: 'Purge',
      }),
    );
    await screen.findByText('Old BV was purged.');
    expect(fake.sent.filter((s) => s.method !== 'GET').map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST /leads/${ana.id}/restore`,
      `DELETE /recycle-bin/organisations/${old.id}`,
    ]);
    await screen.findByText('The recycle bin is empty.');
  });
});
