/** @jest-environment jsdom */
import { DEFAULT_STAGES, type Activity, type Opportunity, type Organisation } from '@crm/shared';
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
  const made = await boardData(...deals);
  renderView(<PipelineBoard workspaceId="ws" />, made.fake.api);
  return made;
}

/** The deals of `board`, not shown yet (a spec adds more first). */
async function boardData(...deals: NewDeal[]) {
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
  return { fake, deals: added };
}

const trucks: NewDeal = { name: 'Trucks', stage: 'proposal', amount: 25_000, currency: 'EUR' };

const column = async (name: string) => screen.findByRole('region', { name });

/** The lines of a totals list as a reader sees them (no-break spaces as spaces). */
const linesOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace(/\s/g, ' '));

type Deal = WithEtag<Opportunity>;

describe('PipelineBoard', () => {
  it('shows a column per stage and the open pipeline with totals per currency, never added together', async () => {
    const { fake, deals } = await boardData(
      trucks,
      { name: 'Vans', stage: 'proposal', amount: 90_000, currency: 'NOK' },
      { name: 'Cranes', stage: 'proposal', amount: 5_000, currency: 'EUR' },
      { name: 'Boats', stage: 'qualification', amount: 1_000, currency: 'USD' },
      { name: 'Cars', stage: 'negotiation', amount: 7_000, currency: 'EUR' },
    );
    await fake.changeBehindTheScenes('opportunities', deals[4]!.id, { stage: 'closed-won' });
    renderView(<PipelineBoard workspaceId="ws" />, fake.api);
    const proposal = await column('Proposal');
    expect(within(proposal).getByLabelText('3 deals')).toBeTruthy();
    expect(linesOf(within(proposal).getByRole('list', { name: 'Totals per currency' }))).toEqual([
      '€30,000.00 · weighted €22,500.00 · 2 deals',
      'NOK 90,000.00 · weighted NOK 67,500.00 · 1 deal',
    ]);
    // One currency: the count is the column's own.
    const qualification = await column('Qualification');
    expect(linesOf(within(qualification).getByRole('list', { name: 'Totals per currency' }))).toEqual([
      '$1,000.00 · weighted $750.00',
    ]);
    expect(within(await column('Negotiation')).getByText('No deals')).toBeTruthy();
    // The whole pipeline: the open stages only (not Cars, won), per currency, EUR never added to USD.
    const summary = screen.getByRole('region', { name: 'Open pipeline' });
    expect(linesOf(within(summary).getByRole('list', { name: 'Totals per currency' }))).toEqual([
      '€30,000.00 · weighted €22,500.00 · 2 deals',
      'NOK 90,000.00 · weighted NOK 67,500.00 · 1 deal',
      '$1,000.00 · weighted $750.00 · 1 deal',
    ]);
    // The board, the summary and one region per stage.
    expect(screen.getAllByRole('region')).toHaveLength(DEFAULT_STAGES.length + 2);
  });

  it("writes totals the way the reader's language does", async () => {
    const fake = await fakeApi();
    const organisation = await fake.add<Organisation>('organisations', { name: 'Jansen BV' });
    await fake.add<Opportunity>('opportunities', {
      ...trucks,
      organisationId: organisation.id,
      amount: 1_234.5,
      probability: 50,
    });
    renderView(<PipelineBoard workspaceId="ws" />, fake.api, { language: 'nl' });
    const summary = await screen.findByRole('region', { name: 'Open pijplijn' });
    expect(linesOf(within(summary).getByRole('list'))).toEqual(['€ 1.234,50 · gewogen € 617,25 · 1 deal']);
  });

  it('shows each card\'s next activity, red when overdue, or a "No next step" warning, and a compact stale mark', async () => {
    const { fake, deals } = await boardData(
      trucks,
      { name: 'Vans', stage: 'proposal', amount: 90_000, currency: 'NOK' },
      { name: 'Cranes', stage: 'negotiation', amount: 5_000, currency: 'EUR' },
    );
    const [stale, vans, cranes] = deals as [Deal, Deal, Deal];
    const plan = (deal: Deal, subject: string, inDays: number) =>
      fake.add<Activity>('activities', {
        type: 'call',
        subject,
        regarding: { type: 'opportunity', id: deal.id },
        occurredAt: new Date(Date.now() + inDays * DAYS).toISOString(),
        completed: false,
      });
    await plan(vans, 'Send the offer', 2);
    await plan(cranes, 'Call about the crane', -3);
    renderView(<PipelineBoard workspaceId="ws" />, fake.api);
    const cardOf = async (name: string) =>
      (await screen.findByRole('link', { name })).closest('li[data-deal-id]') as HTMLElement;

    const vansCard = await cardOf('Vans');
    const nextOf = (card: HTMLElement) => card.querySelector('[data-next-step]') as HTMLElement;
    const planned = nextOf(vansCard);
    expect(planned.getAttribute('data-next-step')).toBe('planned');
    // The due day short on the card ("Dec 8"), the full date and time in its title.
    expect(planned.textContent).toMatch(/^Send the offer · \w+ \d+$/);
    expect(planned.getAttribute('title')).toMatch(/^Send the offer · \w+ \d+, \d{4}, \d+:\d+/);
    const overdue = nextOf(await cardOf('Cranes'));
    expect(overdue.getAttribute('data-next-step')).toBe('overdue');
    // Red, and said in words too (not by colour alone).
    expect(overdue.textContent).toBe('Call about the crane · 3 days overdue');
    const trucksCard = await cardOf('Trucks');
    expect(within(trucksCard).getByText('No next step')).toBeTruthy();
    // The stale deal: a small mark inside its card, the sentence as its name and tooltip.
    const mark = within(trucksCard).getByRole('img', { name: 'Stale: no activity for 45 days' });
    expect(mark.textContent).toBe('45 d');
    expect(mark.getAttribute('title')).toBe('Stale: no activity for 45 days');
    expect(within(vansCard).queryByRole('img', { name: /Stale/ })).toBeNull();
    // The name leads to the deal's page; org, amount and owner are on the card.
    expect(within(trucksCard).getByRole('link', { name: 'Trucks' }).getAttribute('href')).toBe(
      `#/w/ws/opportunities/${stale.id}`,
    );
    expect(within(trucksCard).getByText('Jansen BV')).toBeTruthy();
    expect(within(trucksCard).getByText('€25,000.00')).toBeTruthy();
    expect(within(trucksCard).getByText('· Erin')).toBeTruthy();
  });

  it("filters the board by owner: everyone, me, or a member, with that owner's counts and totals", async () => {
    const user = userEvent.setup({ delay: null });
    const fake = await fakeApi();
    await fake.api.addMember('ws', { userId: 'bob', role: 'member', name: 'Bob Berg' });
    const { id: organisationId } = await fake.add<Organisation>('organisations', { name: 'Jansen BV' });
    await fake.add<Opportunity>('opportunities', { ...trucks, organisationId, probability: 50 });
    await fake.add<Opportunity>('opportunities', {
      name: 'Vans',
      organisationId,
      stage: 'proposal',
      amount: 10_000,
      currency: 'EUR',
      probability: 50,
      ownerId: 'bob',
    });
    renderView(<PipelineBoard workspaceId="ws" />, fake.api);
    const owner = await screen.findByRole('combobox', { name: 'Owner' });
    await screen.findByRole('link', { name: 'Vans' });
    const proposal = await column('Proposal');
    const totals = () => linesOf(within(proposal).getByRole('list', { name: 'Totals per currency' }));
    expect(totals()).toEqual(['€35,000.00 · weighted €17,500.00']);
    await waitFor(() => expect(within(owner).getAllByRole('option')).toHaveLength(4));
    expect(
      within(owner)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Everyone', 'Me', 'Bob Berg', 'Erin']);

    await user.selectOptions(owner, 'Bob Berg');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Trucks' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Vans' })).toBeTruthy();
    expect(within(proposal).getByLabelText('1 deal')).toBeTruthy();
    expect(totals()).toEqual(['€10,000.00 · weighted €5,000.00']);
    const summary = screen.getByRole('region', { name: 'Open pipeline' });
    expect(linesOf(within(summary).getByRole('list'))).toEqual(['€10,000.00 · weighted €5,000.00 · 1 deal']);
    expect(fake.lastQuery('/board')).toEqual({ owner: 'bob' });

    await user.selectOptions(owner, 'Me');
    await screen.findByRole('link', { name: 'Trucks' });
    expect(screen.queryByRole('link', { name: 'Vans' })).toBeNull();
    expect(totals()).toEqual(['€25,000.00 · weighted €12,500.00']);
    expect(fake.lastQuery('/board')).toEqual({ owner: 'me' });

    await user.selectOptions(owner, 'Everyone');
    await screen.findByRole('link', { name: 'Vans' });
    expect(screen.getByRole('link', { name: 'Trucks' })).toBeTruthy();
    expect(fake.lastQuery('/board')).toEqual({});
  });

  it('keeps the owner filter in the address', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = await fakeApi();
    const navigate = jest.fn();
    renderView(<PipelineBoard workspaceId="ws" />, fake.api, {
      navigate,
      route: { workspaceId: 'ws', view: 'pipeline', query: { owner: 'me' } },
    });
    const owner = await screen.findByRole('combobox', { name: 'Owner' });
    await waitFor(() => expect((owner as HTMLSelectElement).value).toBe('me'));
    await waitFor(() => expect(fake.lastQuery('/board')).toEqual({ owner: 'me' }));
    await user.selectOptions(owner, 'Everyone');
    expect(navigate).toHaveBeenLastCalledWith({ workspaceId: 'ws', view: 'pipeline' }, { replace: true });
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
    expect(within(proposal).getByLabelText('23 deals')).toBeTruthy();
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
