/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { fakeApi } from '../testing/fake-api';
import { renderView } from '../testing/render-view';
import type { Route } from './routes';
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

  it('says so when the workspace in the address is not one of mine', async () => {
    renderView(
      <WorkspaceArea route={{ workspaceId: 'nope', view: 'leads' }} navigate={() => undefined} />,
      (await fakeApi()).api,
    );
    expect(await screen.findByText('This no longer exists, or you cannot see it.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Workspaces' })).toBeTruthy();
  });
});
