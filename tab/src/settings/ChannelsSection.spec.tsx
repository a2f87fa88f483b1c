/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../testing/fake-api';

const SALES_NORDICS = { teamId: '19:nordics@thread.tacv2', name: 'Sales Nordics' };

async function withChannels() {
  const fake = await fakeApi();
  await fake.subscribeChannels(SALES_NORDICS, [
    { topics: ['conversions', 'stages', 'won'] },
    { name: 'Wins', topics: ['won'] },
  ]);
  return fake;
}
import { renderView } from '../testing/render-view';
import { ChannelsSection } from './ChannelsSection';

describe('the Teams channels that hear the workspace, in Settings', () => {
  it('lists each subscribed channel with its team and topics, and stops posting in one with the ETag read', async () => {
    const fake = await withChannels();
    const user = userEvent.setup({ delay: null });
    renderView(<ChannelsSection workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Teams channels' });
    const general = within(table).getByRole('row', { name: /General/ });
    expect(within(general).getByRole('cell', { name: 'Sales Nordics' })).toBeTruthy();
    expect(
      within(general).getByRole('cell', { name: 'converted leads, deals changing stage, won deals' }),
    ).toBeTruthy();
    expect(
      within(within(table).getByRole('row', { name: /Wins/ })).getByRole('cell', { name: 'won deals' }),
    ).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Actions for Sales Nordics › Wins' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Stop posting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop posting in Sales Nordics › Wins' });
    await user.click(within(dialog).getByRole('button', { name: 'Stop posting' }));
    await screen.findByText('Sales Nordics › Wins hears nothing more.');
    const removals = fake.sent.filter((s) => s.method === 'DELETE');
    expect(removals).toEqual([
      expect.objectContaining({ path: `/channels/${encodeURIComponent('19:wins@thread.tacv2')}` }),
    ]);
    expect(removals[0]?.ifMatch).toMatch(/^".+"$/);
    expect(screen.queryByRole('row', { name: /Wins/ })).toBeNull();
  });

  it('says so when the channel changed since the page read it, and shows it as it is now', async () => {
    const fake = await withChannels();
    const user = userEvent.setup({ delay: null });
    renderView(<ChannelsSection workspaceId="ws" />, fake.api);
    await screen.findByRole('table', { name: 'Teams channels' });
    await fake.changeChannelBehindTheScenes(SALES_NORDICS.teamId);
    await user.click(await screen.findByRole('button', { name: 'Actions for Sales Nordics › General' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Stop posting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop posting in Sales Nordics › General' });
    await user.click(within(dialog).getByRole('button', { name: 'Stop posting' }));
    await screen.findByText('Someone else changed this meanwhile. Reload and try again.');
    // Still listed, now with the fresh ETag: a second try goes through.
    await user.click(await screen.findByRole('button', { name: 'Actions for Sales Nordics › General' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Stop posting' }));
    const again = await screen.findByRole('dialog', { name: 'Stop posting in Sales Nordics › General' });
    await user.click(within(again).getByRole('button', { name: 'Stop posting' }));
    await screen.findByText('Sales Nordics › General hears nothing more.');
  });

  it('shows a channel Teams refuses posts in (the relay marked it broken), and how to mend it', async () => {
    const fake = await fakeApi();
    await fake.subscribeChannels(SALES_NORDICS, [
      { topics: ['won'] },
      {
        name: 'Closed',
        topics: ['won'],
        broken: { at: '2026-12-06T08:00:00.000Z', reason: 'Bot Connector answered 403' },
      },
    ]);
    renderView(<ChannelsSection workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Teams channels' });
    const closed = within(table).getByRole('row', { name: /Closed/ });
    expect(within(closed).getByRole('cell', { name: /^Teams refuses posts here/ })).toBeTruthy();
    expect(within(closed).getByText(/Mention the bot with subscribe there to mend it/)).toBeTruthy();
    const general = within(table).getByRole('row', { name: /General/ });
    expect(within(general).getByRole('cell', { name: 'Posting' })).toBeTruthy();
  });
});
