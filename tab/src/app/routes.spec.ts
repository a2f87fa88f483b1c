import { deepLinkRoute, parseHash, parseViewPath, routeHash, subPageIdOf } from './routes';

describe('routes', () => {
  it.each([
    ['#/w/ws1/leads', { workspaceId: 'ws1', view: 'leads' }],
    ['#/w/ws1/organisations/O%2F1', { workspaceId: 'ws1', view: 'organisations', recordId: 'O/1' }],
    ['#/w/ws1/recycle-bin', { workspaceId: 'ws1', view: 'recycle-bin' }],
    ['#/w/ws1', { workspaceId: 'ws1', view: 'my-day' }],
    ['#/w/ws1/nonsense/x', { workspaceId: 'ws1', view: 'my-day' }],
    ['', { view: 'my-day' }],
    ['#/whatever', { view: 'my-day' }],
    [
      '#/w/ws1/leads?q=jan%20b&status=working-contacted&sort=-name&source=',
      {
        workspaceId: 'ws1',
        view: 'leads',
        query: { q: 'jan b', status: 'working-contacted', sort: '-name' },
      },
    ],
    ['#/w/ws1/leads?', { workspaceId: 'ws1', view: 'leads' }],
    ['#/w/ws1/nonsense?q=x', { workspaceId: 'ws1', view: 'my-day' }],
  ])('%s is %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('writes the hash it reads', () => {
    const route = { workspaceId: 'w s', view: 'contacts', recordId: 'C1' } as const;
    expect(routeHash(route)).toBe('#/w/w%20s/contacts/C1');
    expect(parseHash(routeHash(route))).toEqual(route);
    expect(routeHash({ view: 'leads' })).toBe('#/');
  });

  it('keeps a list’s search, filters and sort in the query, in a stable order', () => {
    const route = {
      workspaceId: 'ws',
      view: 'leads',
      query: { status: 'open-not-contacted', q: 'ø&=?', sort: '-name' },
    } as const;
    expect(routeHash(route)).toBe('#/w/ws/leads?q=%C3%B8%26%3D%3F&sort=-name&status=open-not-contacted');
    expect(parseHash(routeHash(route))).toEqual(route);
    expect(routeHash({ workspaceId: 'ws', view: 'leads', query: { q: '' } })).toBe('#/w/ws/leads');
  });

  it('follows a Teams deep link’s subPageId: its workspace, or the older form inside the tab’s own', () => {
    expect(parseViewPath('leads/L1', 'ws')).toEqual({ workspaceId: 'ws', view: 'leads', recordId: 'L1' });
    expect(subPageIdOf({ workspaceId: 'w s', view: 'leads', recordId: 'L/1' })).toBe('w%20s/leads/L%2F1');
    expect(subPageIdOf({ workspaceId: 'ws', view: 'dashboard' })).toBe('ws/dashboard');
    expect(deepLinkRoute('w%20s/leads/L%2F1')).toEqual({
      workspaceId: 'w s',
      view: 'leads',
      recordId: 'L/1',
    });
    expect(deepLinkRoute('contacts/C1', 'ws')).toEqual({
      workspaceId: 'ws',
      view: 'contacts',
      recordId: 'C1',
    });
    expect(deepLinkRoute('contacts/C1')).toBeUndefined();
    expect(deepLinkRoute('ws/nonsense/x')).toBeUndefined();
  });
});
