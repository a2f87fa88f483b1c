/** @jest-environment jsdom */
import { DEFAULT_STAGES, type Opportunity } from '@crm/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient, WithEtag } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import PipelineBoard from './PipelineBoard';

const deal = (id: string, name: string, stage: string, amount: number, currency: string) =>
  ({
    id,
    name,
    stage,
    amount,
    currency,
    probability: 75,
    organisationId: 'O1',
    ownerId: 'erin',
    etag: `"${id}1"`,
  }) as WithEtag<Opportunity>;

/** A board's API: the workspace's stages, the deals per stage, one stale deal; PATCHes are recorded. */
function boardApi(deals: WithEtag<Opportunity>[], fail?: ApiError) {
  const patches: Array<{ id: string; etag: string; patch: Record<string, unknown> }> = [];
  const fake = fakeApi({ opportunities: deals, organisations: [{ id: 'O1', name: 'Jansen BV' }] });
  const api: ApiClient = {
    ...fake.api,
    getWorkspace: async () =>
      ({
        id: 'ws',
        name: 'WS',
        settings: { stages: DEFAULT_STAGES, staleAfterDays: 30, defaultCurrency: 'EUR' },
        etag: '"w"',
      }) as never,
    report: (async () => ({
      staleAfterDays: 30,
      deals: [{ opportunity: deals[0], daysInactive: 45 }],
    })) as never,
    update: async (ws, plural, record, patch) => {
      patches.push({ id: record.id, etag: record.etag, patch });
      if (fail) throw fail;
      return fake.api.update(ws, plural, record, patch);
    },
  };
  return { api, patches };
}

const renderBoard = (api: ApiClient) => renderView(<PipelineBoard workspaceId="ws" />, api);

const column = async (name: string) => screen.findByRole('region', { name });

describe('PipelineBoard', () => {
  it('shows a column per stage with totals per currency, never added together, and marks stale deals', async () => {
    const { api } = boardApi([
      deal('A', 'Trucks', 'proposal', 25_000, 'EUR'),
      deal('B', 'Vans', 'proposal', 90_000, 'NOK'),
      deal('C', 'Cranes', 'proposal', 5_000, 'EUR'),
    ]);
    renderBoard(api);
    const proposal = await column('Proposal');
    expect(within(proposal).getByText('Deals: 3')).toBeTruthy();
    const totals = within(proposal).getByRole('list', { name: 'Totals per currency' });
    const lines = within(totals)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/\s/g, ' '));
    expect(lines).toEqual(['€30,000.00 (weighted €22,500.00)', 'NOK 90,000.00 (weighted NOK 67,500.00)']);
    expect(within(await column('Negotiation')).getByText('No deals')).toBeTruthy();
    expect(screen.getByText('Stale: no activity for 45 days')).toBeTruthy();
    // The board itself and one region per stage.
    expect(screen.getAllByRole('region')).toHaveLength(DEFAULT_STAGES.length + 1);
  });

  it('moves a deal with the keyboard menu and announces it', async () => {
    const { api, patches } = boardApi([deal('A', 'Trucks', 'proposal', 25_000, 'EUR')]);
    const user = userEvent.setup({ delay: null });
    renderBoard(api);
    await user.click(await screen.findByRole('button', { name: 'Move to… (Trucks)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Negotiation' }));
    expect(await screen.findByText('Trucks moved to Negotiation.')).toBeTruthy();
    expect(patches).toEqual([{ id: 'A', etag: '"A1"', patch: { stage: 'negotiation' } }]);
    await within(await column('Negotiation')).findByText('Trucks');
  });

  it('asks why a deal was lost before moving it to closed-lost', async () => {
    const { api, patches } = boardApi([deal('A', 'Trucks', 'proposal', 25_000, 'EUR')]);
    const user = userEvent.setup({ delay: null });
    renderBoard(api);
    await user.click(await screen.findByRole('button', { name: 'Move to… (Trucks)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Closed – Lost' }));
    const dialog = await screen.findByRole('dialog', { name: 'Why was Trucks lost?' });
    await user.click(await within(dialog).findByRole('button', { name: 'Mark as lost' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    expect(patches).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: /^Lost reason/ }), 'Too expensive');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await screen.findByText('Trucks moved to Closed – Lost.')).toBeTruthy();
    expect(patches[0]?.patch).toEqual({ stage: 'closed-lost', lostReason: 'Too expensive' });
  });

  it('puts the card back and says so when someone else changed the deal (412)', async () => {
    const { api } = boardApi(
      [deal('A', 'Trucks', 'proposal', 25_000, 'EUR')],
      new ApiError(412, 'CONCURRENCY.STALE'),
    );
    const user = userEvent.setup({ delay: null });
    renderBoard(api);
    await user.click(await screen.findByRole('button', { name: 'Move to… (Trucks)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Negotiation' }));
    expect(
      await screen.findByText(
        'Someone else changed Trucks meanwhile. The card is back where it was and shows the current deal.',
      ),
    ).toBeTruthy();
    expect(within(await column('Proposal')).getByText('Trucks')).toBeTruthy();
    expect(within(await column('Negotiation')).queryByText('Trucks')).toBeNull();
  });
});
