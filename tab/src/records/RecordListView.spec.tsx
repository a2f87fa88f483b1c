/** @jest-environment jsdom */
import type { Lead } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LEAD_ENTITY } from '../leads/lead-entity';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { RecordListView } from './RecordListView';

/** More leads than one server page (100), all Erin's. */
async function manyLeads(count: number) {
  const fake = await fakeApi();
  for (let i = 0; i < count; i++)
    await fake.add<Lead>('leads', {
      firstName: 'Lead',
      lastName: String(i).padStart(3, '0'),
      status: 'open-not-contacted',
      source: 'web',
    });
  return fake;
}

describe('RecordListView: a long list', () => {
  it('renders none of the rows in view again when the next page arrives', async () => {
    const fake = await manyLeads(120);
    const user = userEvent.setup({ delay: null });
    // Asked for each row as it renders (its "…" menu lists them).
    const actions = jest.fn(() => []);
    renderView(
      <RecordListView entity={LEAD_ENTITY} workspaceId="ws" debounceMs={0} actions={actions} />,
      fake.api,
    );
    const table = await screen.findByRole('table', { name: 'Leads' });
    expect(table.getAttribute('aria-rowcount')).toBe('101'); // a page and the header
    expect(actions).toHaveBeenCalled();
    actions.mockClear();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(table.getAttribute('aria-rowcount')).toBe('121'));
    // The rows in view kept their props (same callbacks, same records): not one rendered again.
    expect(actions).not.toHaveBeenCalled();
  });

  it('names the owner in the row, whole on hover', async () => {
    const fake = await manyLeads(1);
    renderView(<RecordListView entity={LEAD_ENTITY} workspaceId="ws" debounceMs={0} />, fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });
    const row = within(table).getByRole('row', { name: /Lead 000/ });
    expect((await within(row).findByTitle('Erin')).textContent).toBe('Erin');
  });
});
