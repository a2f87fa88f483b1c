/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import type { Lead, LeadCreateInput } from '@crm/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient, ListQuery, WithEtag } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { ApiProvider } from '../api/ApiContext';
import { fakeApiClient } from '../api/fake-api-client';
import { createI18n } from '../i18n/i18n';
import { LeadsView } from './LeadsView';

// jsdom has no layout, so no ResizeObserver; Fluent's MessageBar only needs one to exist.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** An in-memory API: just enough behaviour for the view (search, filter, create, convert). */
function fakeApi(seed: Array<Partial<Lead>> = []) {
  let leads: WithEtag<Lead>[] = seed.map(
    (lead, i) =>
      ({ id: `L${i}`, status: 'open-not-contacted', source: 'web', etag: '"1"', ...lead }) as WithEtag<Lead>,
  );
  const queries: ListQuery[] = [];
  const created: LeadCreateInput[] = [];
  let convertFails = false;
  const api: ApiClient = fakeApiClient({
    listWorkspaces: async () => [],
    createWorkspace: async () => {
      throw new Error('unused');
    },
    listLeads: async (_ws, query) => {
      queries.push(query);
      const items = leads.filter(
        (lead) =>
          (!query.q || `${lead.firstName} ${lead.lastName}`.includes(query.q)) &&
          (!query.status || lead.status === query.status),
      );
      return { items, nextCursor: null };
    },
    createLead: async (_ws, input) => {
      created.push(input);
      const lead = {
        id: `L${leads.length}`,
        status: 'open-not-contacted',
        etag: '"1"',
        ...input,
      } as WithEtag<Lead>;
      leads = [...leads, lead];
      return lead;
    },
    updateLead: async () => {
      throw new Error('unused');
    },
    convertLead: async (_ws, id) => {
      if (convertFails) throw new ApiError(409, 'LEAD.ALREADY_CONVERTED');
      leads = leads.map((lead) =>
        lead.id === id ? ({ ...lead, status: 'closed-converted' } as WithEtag<Lead>) : lead,
      );
      const lead = leads.find((l) => l.id === id)!;
      return {
        lead,
        organisation: { name: lead.company ?? '' } as never,
        contact: { firstName: lead.firstName, lastName: lead.lastName } as never,
        opportunity: { name: `${lead.company} – deal` } as never,
      };
    },
  });
  return { api, queries, created, failConversions: () => (convertFails = true) };
}

function renderView(api: ApiClient) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Motion off: dialogs open and close at once instead of after an animation, however slow the
  // machine. (tab/src/testing/jsdom-layout.ts keeps Fluent's focus manager from hiding them.)
  return render(
    <MotionBehaviourProvider value="skip">
      <I18nextProvider i18n={createI18n('en')}>
        <FluentProvider theme={teamsLightTheme}>
          <QueryClientProvider client={queryClient}>
            <ApiProvider client={api}>
              <LeadsView workspaceId="ws" debounceMs={0} />
            </ApiProvider>
          </QueryClientProvider>
        </FluentProvider>
      </I18nextProvider>
    </MotionBehaviourProvider>,
  );
}

const SEED = [
  { firstName: 'Pieter', lastName: 'Jansen', company: 'Jansen Transport BV' },
  { firstName: 'Ana', lastName: 'Souza', company: 'Souza Ltda', status: 'working-contacted' as const },
];

describe('LeadsView', () => {
  it('lists leads with translated statuses and filters by search and status', async () => {
    const fake = fakeApi(SEED);
    const user = userEvent.setup({ delay: null });
    renderView(fake.api);
    const table = await screen.findByRole('table', { name: 'Leads' });
    expect(within(table).getByRole('cell', { name: 'Pieter Jansen' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Working – Contacted' })).toBeTruthy();

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'Souza');
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'Pieter Jansen' })).toBeNull());
    expect(fake.queries.at(-1)).toEqual({ q: 'Souza', status: undefined });

    await user.clear(screen.getByRole('searchbox', { name: 'Search leads' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'open-not-contacted');
    await screen.findByRole('cell', { name: 'Pieter Jansen' });
    expect(screen.queryByRole('cell', { name: 'Ana Souza' })).toBeNull();
    expect(fake.queries.at(-1)).toEqual({ q: undefined, status: 'open-not-contacted' });
  });

  it('validates the new lead with the shared schema, then creates it', async () => {
    const fake = fakeApi();
    const user = userEvent.setup({ delay: null });
    renderView(fake.api);
    await screen.findByText('No leads match.');
    await user.click(screen.getByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    await user.type(await within(dialog).findByRole('textbox', { name: /^Email/ }), 'nope');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    expect(within(dialog).getByText('Enter a valid email address.')).toBeTruthy();
    expect(fake.created).toEqual([]);

    await user.clear(within(dialog).getByRole('textbox', { name: /^Email/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Last name/ }), 'Jansen');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Source' }), 'trade-show');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('cell', { name: 'Jansen' });
    expect(fake.created).toEqual([{ lastName: 'Jansen', source: 'trade-show' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('converts a lead, announces the result and shows the new status', async () => {
    const fake = fakeApi(SEED);
    const user = userEvent.setup({ delay: null });
    renderView(fake.api);
    await user.click(await screen.findByRole('button', { name: 'Convert Pieter Jansen' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(
      'Pieter Jansen was converted into Jansen Transport BV, contact Pieter Jansen and deal Jansen Transport BV – deal.',
    );
    await screen.findByRole('cell', { name: 'Closed – Converted' });
    expect(screen.queryByRole('button', { name: 'Convert Pieter Jansen' })).toBeNull();
  });

  it('shows a failed conversion in the user’s words, not the server’s', async () => {
    const fake = fakeApi(SEED);
    fake.failConversions();
    const user = userEvent.setup({ delay: null });
    renderView(fake.api);
    await user.click(await screen.findByRole('button', { name: 'Convert Ana Souza' }));
    expect((await screen.findByRole('status')).textContent).toBe('This lead has already been converted.');
  });
});
