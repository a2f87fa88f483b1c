/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import { DEFAULT_STAGES, type Opportunity } from '@crm/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { ApiProvider } from '../api/ApiContext';
import { fakeApiClient } from '../api/fake-api-client';
import { createI18n } from '../i18n/i18n';
import PipelineBoard from './PipelineBoard';

// jsdom has no layout, so no ResizeObserver; Fluent's MessageBar only needs one to exist.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
jest.setTimeout(60_000);

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
  const api = fakeApiClient({
    getWorkspace: async () =>
      ({
        id: 'ws',
        name: 'WS',
        settings: { stages: DEFAULT_STAGES, staleAfterDays: 30, defaultCurrency: 'EUR' },
        etag: '"w"',
      }) as never,
    listMembers: async () => [{ userId: 'erin', name: 'Erin' } as never],
    listOrganisationsForPicker: async () => ({
      items: [{ id: 'O1', name: 'Jansen BV' } as never],
      nextCursor: null,
    }),
    listOpportunities: async (_ws, query) => ({
      items: deals.filter((d) => d.stage === query.stage),
      nextCursor: null,
    }),
    report: (async () => ({
      staleAfterDays: 30,
      deals: [{ opportunity: deals[0], daysInactive: 45 }],
    })) as never,
    updateOpportunity: async (_ws, record, patch) => {
      patches.push({ id: record.id, etag: record.etag, patch });
      if (fail) throw fail;
      const moved = { ...record, ...patch } as WithEtag<Opportunity>;
      deals = deals.map((d) => (d.id === record.id ? moved : d));
      return moved;
    },
  });
  return { api, patches };
}

function renderBoard(api: ReturnType<typeof fakeApiClient>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <FluentProvider theme={teamsLightTheme}>
        {/* Motion off: dialogs and menus are there at once, not after an animation jsdom never ends. */}
        <MotionBehaviourProvider value="skip">
          <QueryClientProvider client={queryClient}>
            <ApiProvider client={api}>
              <PipelineBoard workspaceId="ws" />
            </ApiProvider>
          </QueryClientProvider>
        </MotionBehaviourProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

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
