/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { UndeliveredSection } from './UndeliveredSection';

describe('the notifications the bot gave up on, in Settings', () => {
  it('lists one with where it stood and why, and sends it again', async () => {
    const fake = await fakeApi();
    const event = await fake.undeliveredConversion();
    const user = userEvent.setup({ delay: null });
    renderView(<UndeliveredSection workspaceId="ws" />, fake.api);

    const table = await screen.findByRole('table', { name: 'Undelivered notifications' });
    const row = within(table).getByRole('row', { name: /converted lead/ });
    expect(within(row).getByRole('cell', { name: 'to 1 of 2' })).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Bot Framework answered 502' })).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Actions for converted lead' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Send again' }));
    await screen.findByText('converted lead: queued to be sent again.');
    expect(fake.sent.filter((s) => s.method === 'POST')).toEqual([
      expect.objectContaining({ path: `/undelivered-notifications/${event.id}/requeue` }),
    ]);
    expect(await screen.findByText('Every notification was delivered.')).toBeTruthy();
  });

  it('says so when another owner sent it again first', async () => {
    const fake = await fakeApi();
    const event = await fake.undeliveredConversion();
    const user = userEvent.setup({ delay: null });
    renderView(<UndeliveredSection workspaceId="ws" />, fake.api);
    const table = await screen.findByRole('table', { name: 'Undelivered notifications' });
    expect((await fake.api.requeueUndelivered('ws', event.id)).eventId).toBe(event.id);

    await user.click(within(table).getByRole('button', { name: 'Actions for converted lead' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Send again' }));

    await screen.findByText(
      'This undelivered notification is no longer there: it may have been sent again already.',
    );
    expect(await screen.findByText('Every notification was delivered.')).toBeTruthy();
  });
});
