/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecycleBinView } from '../recycle-bin/RecycleBinView';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { SettingsView } from './SettingsView';

describe('settings and members', () => {
  it('saves currency, stale days and stage probabilities, checked with the shared schema', async () => {
    const fake = fakeApi();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    const currency = await screen.findByRole('textbox', { name: 'Default currency' });
    await user.clear(currency);
    await user.type(currency, 'xx');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This value is not valid.')).toBeTruthy();
    expect(fake.sent.filter((s) => s.call === 'update workspace')).toEqual([]);

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
    expect(fake.sent.find((s) => s.call === 'update workspace')?.body).toMatchObject({
      defaultCurrency: 'NOK',
      stages: expect.arrayContaining([expect.objectContaining({ id: 'prospecting', probability: 15 })]),
    });
  });

  it('says when another owner saved first, and shows their version', async () => {
    const fake = fakeApi();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    await screen.findByRole('textbox', { name: /^Workspace name/ });
    fake.changeWorkspaceBehindTheScenes('Sales Nordics');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Someone else changed this record meanwhile/);
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: /^Workspace name/ }) as HTMLInputElement).value).toBe(
        'Sales Nordics',
      ),
    );
  });

  it('adds a member, changes a role and removes one', async () => {
    const fake = fakeApi();
    const user = userEvent.setup({ delay: null });
    renderView(<SettingsView workspaceId="ws" />, fake.api);
    await screen.findByRole('table', { name: 'Members' });
    await user.type(screen.getByRole('textbox', { name: /^User id/ }), 'sam');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Sam');
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
  });
});

describe('recycle bin', () => {
  it('restores and purges deleted records', async () => {
    const fake = fakeApi();
    fake.setRecycleBin([
      {
        kind: 'lead',
        record: { id: 'L1', firstName: 'Ana', lastName: 'Souza' },
        deletedAt: '2026-11-02T10:00:00Z',
        deletedBy: 'erin',
      },
      {
        kind: 'organisation',
        record: { id: 'O1', name: 'Old BV' },
        deletedAt: '2026-11-03T10:00:00Z',
        deletedBy: 'erin',
      },
    ]);
    const user = userEvent.setup({ delay: null });
    renderView(<RecycleBinView workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Recycle bin' });
    expect(within(table).getByRole('cell', { name: 'Organisation' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restore Ana Souza' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Restore Ana Souza' })).getByRole('button', {
        name: 'Restore',
      }),
    );
    await screen.findByText('Ana Souza was restored.');
    // findBy: once the restore dialog has closed, the page is given back to assistive tech a moment later.
    await user.click(await screen.findByRole('button', { name: 'Purge Old BV for good' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Purge Old BV for good' })).getByRole('button', {
        name: 'Purge',
      }),
    );
    await screen.findByText('Old BV was purged.');
    expect(fake.sent.filter((s) => s.call.startsWith('restore') || s.call === 'purge')).toEqual([
      { call: 'restore leads', body: 'L1' },
      { call: 'purge', body: 'O1' },
    ]);
    await screen.findByText('The recycle bin is empty.');
  });
});
