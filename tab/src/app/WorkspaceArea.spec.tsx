/** @jest-environment jsdom */
import { parseRecordLink, teamsDeepLink, type TabAddress, type Lead } from '@crm/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ShareDeepLink } from '../teams/teams-host';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import { deepLinkRoute, type Route } from './routes';
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
      'My day',
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

  it('follows a deep link from the bot (workspace in it) in the personal tab, where no workspace is chosen yet', async () => {
    const routes: Route[] = [];
    renderView(
      <WorkspaceArea route={{ view: 'leads' }} navigate={(r) => routes.push(r)} subPageId="ws/leads/L%2F1" />,
      (await fakeApi()).api,
    );
    await screen.findByRole('heading', { name: 'Workspaces' });
    expect(routes).toEqual([{ workspaceId: 'ws', view: 'leads', recordId: 'L/1' }]);
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

  describe('"Copy link" on a record', () => {
    const aLead = async () => {
      const fake = await fakeApi();
      const lead = await fake.add<{ id: string }>('leads', {
        firstName: 'Pieter',
        lastName: 'Jansen',
        status: 'open-not-contacted',
        source: 'web',
      });
      return { fake, lead };
    };

    it('in Teams, shares the deep link Teams makes for the tab at this record, which the tab follows back', async () => {
      const { fake, lead } = await aLead();
      const shared: ShareDeepLink[] = [];
      const user = userEvent.setup({ delay: null });
      renderView(
        <WorkspaceArea
          route={{ workspaceId: 'ws', view: 'leads', recordId: lead.id }}
          navigate={() => undefined}
          shareDeepLink={(link) => shared.push(link)}
        />,
        fake.api,
      );
      await screen.findByRole('heading', { name: 'Pieter Jansen' });
      await user.click(screen.getByRole('button', { name: 'Copy link' }));
      expect(shared).toEqual([
        {
          subPageId: `ws/leads/${lead.id}`,
          subPageLabel: 'Pieter Jansen',
          subPageWebUrl: `http://localhost/#/w/ws/leads/${lead.id}`,
        },
      ]);
      expect(deepLinkRoute(shared[0]!.subPageId)).toEqual({
        workspaceId: 'ws',
        view: 'leads',
        recordId: lead.id,
      });
      // The link Teams makes of it, and the web URL behind it, are links the bot unfurls.
      const teamsLink = teamsDeepLink(
        { appId: 'app', entityId: 'pipeline' },
        deepLinkRoute(shared[0]!.subPageId) as TabAddress,
      );
      for (const link of [teamsLink, shared[0]!.subPageWebUrl!])
        expect(parseRecordLink(link)).toEqual({ workspaceId: 'ws', kind: 'lead', recordId: lead.id });
    });

    it('outside Teams, copies the web URL of the record and says so (or shows it when it cannot)', async () => {
      const { fake, lead } = await aLead();
      const copied: string[] = [];
      // After userEvent.setup, which puts its own clipboard in place.
      const user = userEvent.setup({ delay: null });
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void copied.push(text) },
      });
      renderView(
        <WorkspaceArea
          route={{ workspaceId: 'ws', view: 'leads', recordId: lead.id }}
          navigate={() => undefined}
        />,
        fake.api,
      );
      await user.click(await screen.findByRole('button', { name: 'Copy link' }));
      await screen.findByText('Link copied.');
      expect(copied).toEqual([`http://localhost/#/w/ws/leads/${lead.id}`]);
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      await user.click(screen.getByRole('button', { name: 'Copy link' }));
      await screen.findByText(`The link could not be copied: http://localhost/#/w/ws/leads/${lead.id}`);
    });
  });
});
