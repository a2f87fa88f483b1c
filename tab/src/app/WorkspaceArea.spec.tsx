/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lead } from '@crm/shared';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import type { Route } from './routes';
import type { NavigateOptions } from './useRoute';
import { WorkspaceArea } from './WorkspaceArea';

describe('the shell around a workspace', () => {
  it('links every view by its address and marks the current one', async () => {
    renderView(
      <WorkspaceArea route={{ workspaceId: 'ws', view: 'organisations' }} navigate={() => undefined} />,
      (await fakeApi()).api,
    );
    const nav = await screen.findByRole('navigation', { name: 'Views' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Leads',
      'Organisations',
      'Contacts',
      'Opportunities',
      'Pipeline',
      'Campaigns',
      'Activities',
      'Dashboard',
      'Settings',
      'Recycle bin',
    ]);
    expect(within(nav).getByRole('link', { name: 'Recycle bin' }).getAttribute('href')).toBe(
      '#/w/ws/recycle-bin',
    );
    expect(within(nav).getByRole('link', { name: 'Organisations' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await screen.findByRole('heading', { name: 'Organisations', level: 2 })).toBeTruthy();
  });

  it('follows a Teams deep link into a record once', async () => {
    const routes: Route[] = [];
    renderView(
      <WorkspaceArea
        route={{ workspaceId: 'ws', view: 'leads' }}
        navigate={(r) => routes.push(r)}
        subPageId="contacts/C1"
      />,
      (await fakeApi()).api,
    );
    await screen.findByRole('navigation', { name: 'Views' });
    expect(routes).toEqual([{ workspaceId: 'ws', view: 'contacts', recordId: 'C1' }]);
  });

  it('says so when the workspace in the address is not one of mine', async () => {
    renderView(
      <WorkspaceArea route={{ workspaceId: 'nope', view: 'leads' }} navigate={() => undefined} />,
      (await fakeApi()).api,
    );
    expect(await screen.findByText('This no longer exists, or you cannot see it.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Workspaces' })).toBeTruthy();
  });

  it('reads a list’s search, filters and sort from the address, and writes a change back in place', async () => {
    const fake = await fakeApi();
    await fake.add<Lead>('leads', { lastName: 'Souza', status: 'working-contacted', source: 'web' });
    await fake.add<Lead>('leads', { lastName: 'Jansen', status: 'open-not-contacted', source: 'web' });
    const moves: [Route, NavigateOptions | undefined][] = [];
    const route: Route = {
      workspaceId: 'ws',
      view: 'leads',
      query: { status: 'working-contacted', sort: '-name' },
    };
    const user = userEvent.setup({ delay: null });
    const { rerender } = renderView(
      <WorkspaceArea route={route} navigate={(r, o) => moves.push([r, o])} />,
      fake.api,
    );
    const table = await screen.findByRole('table', { name: 'Leads' });
    expect(within(table).getByRole('link', { name: 'Souza' })).toBeTruthy();
    expect(within(table).queryByRole('link', { name: 'Jansen' })).toBeNull();
    expect(fake.lastQuery('/leads')).toMatchObject({ status: 'working-contacted', sort: '-name' });
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe(
      'working-contacted',
    );
    expect(within(table).getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'web');
    expect(moves.at(-1)).toEqual([
      {
        workspaceId: 'ws',
        view: 'leads',
        query: { status: 'working-contacted', sort: '-name', source: 'web' },
      },
      { replace: true },
    ]);
    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'Sou');
    await waitFor(() =>
      expect(moves.at(-1)?.[0].query).toEqual({ status: 'working-contacted', sort: '-name', q: 'Sou' }),
    );

    // Back, or a link: the address changes by itself, and the list and its search box follow.
    rerender(
      <WorkspaceArea
        route={{ workspaceId: 'ws', view: 'leads', query: { q: 'Jans' } }}
        navigate={(r, o) => moves.push([r, o])}
      />,
    );
    await screen.findByRole('link', { name: 'Jansen' });
    expect((screen.getByRole('searchbox', { name: 'Search leads' }) as HTMLInputElement).value).toBe('Jans');
    expect(fake.lastQuery('/leads')).toEqual({ q: 'Jans', limit: '100' });
  });
});
