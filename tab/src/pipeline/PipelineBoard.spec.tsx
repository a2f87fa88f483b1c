/** @jest-environment jsdom */
import { DEFAULT_STAGES, type Opportunity, type Organisation } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WithEtag } from '../api/api-client';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import PipelineBoard from './PipelineBoard';

type NewDeal = {
  readonly name: string;
  readonly stage: string;
  readonly amount: number;
  readonly currency: string;
};

const DAYS = 24 * 60 * 60 * 1000;

/**
 * A board of the default stages with Jansen BV's deals, each at 75 %. The first deal was made 45
 * days before the others, so it is the stale one.
 */
async function board(...deals: NewDeal[]) {
  const fake = await fakeApi();
  const organisation = await fake.add<Organisation>('organisations', { name: 'Jansen BV' });
  const added: WithEtag<Opportunity>[] = [];
  for (const deal of deals) {
    added.push(
      await fake.add<Opportunity>('opportunities', {
        ...deal,
        organisationId: organisation.id,
        probability: 75,
      }),
    );
    if (added.length === 1) fake.clock.advance(45 * DAYS);
  }
  renderView(<PipelineBoard workspaceId="ws" />, fake.api);
  return { fake, deals: added };
}

const trucks: NewDeal = { name: 'Trucks', stage: 'proposal', amount: 25_000, currency: 'EUR' };

const column = async (name: string) => screen.findByRole('region', { name });

describe('PipelineBoard', () => {
  it('shows a column per stage with totals per currency, never added together, and marks stale deals', async () => {
    await board(
      trucks,
      { name: 'Vans', stage: 'proposal', amount: 90_000, currency: 'NOK' },
      { name: 'Cranes', stage: 'proposal', amount: 5_000, currency: 'EUR' },
    );
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
    const user = userEvent.setup({ delay: null });
    const { fake, deals } = await board(trucks);
    await user.click(await screen.findByRole('button', { name: 'Move to… (Trucks)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Negotiation' }));
    expect(await screen.findByText('Trucks moved to Negotiation.')).toBeTruthy();
    expect(fake.sent.filter((s) => s.method === 'PATCH')).toEqual([
      {
        method: 'PATCH',
        path: `/opportunities/${deals[0]!.id}`,
        query: {},
        body: { stage: 'negotiation' },
        ifMatch: deals[0]!.etag,
      },
    ]);
    await within(await column('Negotiation')).findByText('Trucks');
  });

  it('asks why a deal was lost before moving it to closed-lost', async () => {
    const user = userEvent.setup({ delay: null });
    const { fake, deals } = await board(trucks);
    const patches = () => fake.bodiesOf('PATCH', `/opportunities/${deals[0]!.id}`);
    await user.click(await screen.findByRole('button', { name: 'Move to… (Trucks)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Closed – Lost' }));
    const dialog = await screen.findByRole('dialog', { name: 'Why was Trucks lost?' });
    await user.click(await within(dialog).findByRole('button', { name: 'Mark as lost' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    expect(patches()).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: /^Lost reason/ }), 'Too expensive');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await screen.findByText('Trucks moved to Closed – Lost.')).toBeTruthy();
    expect(patches()).toEqual([{ stage: 'closed-lost', lostReason: 'Too expensive' }]);
  });

  it('puts the card back and says so when someone else changed the deal (412)', async () => {
    const user = userEvent.setup({ delay: null });
    const { fake, deals } = await board(trucks);
    const move = await screen.findByRole('button', { name: 'Move to… (Trucks)' });
    await fake.changeBehindTheScenes('opportunities', deals[0]!.id, { amount: 30_000 });
    await user.click(move);
    await user.click(await screen.findByRole('menuitem', { name: 'Negotiation' }));
    expect(
      await screen.findByText(
        'Someone else changed Trucks meanwhile. The card is back where it was and shows the current deal.',
      ),
    ).toBeTruthy();
    expect(within(await column('Proposal')).getByText('Trucks')).toBeTruthy();
    expect(within(await column('Negotiation')).queryByText('Trucks')).toBeNull();
    const totals = within(await column('Proposal')).getByRole('list', { name: 'Totals per currency' });
    await waitFor(() => expect(totals.textContent).toContain('€30,000.00'));
  });

  it('shows a long column a page at a time, with the count and totals of all its deals', async () => {
    const user = userEvent.setup({ delay: null });
    const many = Array.from({ length: 23 }, (_, i): NewDeal => ({
      ...trucks,
      name: `Truck ${i + 1}`,
      amount: 1_000,
    }));
    const { fake } = await board(...many);
    const proposal = await column('Proposal');
    expect(within(proposal).getByText('Deals: 23')).toBeTruthy();
    expect(within(proposal).getByRole('list', { name: 'Totals per currency' }).textContent).toContain(
      '€23,000.00',
    );
    expect(
      within(proposal)
        .getAllByRole('listitem')
        .filter((li) => li.textContent?.includes('Truck')),
    ).toHaveLength(20);
    // One request opened the board: not one per stage, and no report.
    expect(fake.sent.filter((s) => s.method === 'GET' && /board|reports|opportunities/.test(s.path))).toEqual(
      [expect.objectContaining({ path: '/board' })],
    );

    await user.click(within(proposal).getByRole('button', { name: 'More deals (20 of 23 shown)' }));

    expect(await within(proposal).findByText('Truck 1')).toBeTruthy();
    expect(within(proposal).getAllByText(/^Truck \d+$/)).toHaveLength(23);
    expect(within(proposal).queryByRole('button', { name: /More deals/ })).toBeNull();
  });
});
