/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import type { TabSettings, TeamsHost } from '../teams/teams-host';
import { renderView } from '../testing/render-view';
import { fakeApi } from '../testing/fake-api';
import { ConfigPage } from './ConfigPage';
import { tabSettings } from './tab-settings';

const TEAM = '19:abc@thread.tacv2';

/** A Teams host in a team; its configuration calls recorded, and fetch answering the workspace list. */
function teamsIn(teamId: string | undefined, workspaces: object[]) {
  const valid: boolean[] = [];
  let save: (() => Promise<TabSettings>) | undefined;
  const host: TeamsHost = {
    theme: 'default',
    locale: 'en-US',
    ...(teamId ? { teamId } : {}),
    onThemeChange: () => undefined,
    getToken: async () => 'sso',
    config: { setValid: (v) => valid.push(v), onSave: (handler) => (save = handler) },
  };
  window.fetch = (async () => ({
    ok: true,
    status: 200,
    headers: { get: () => null },
    json: async () => ({ items: workspaces, nextCursor: null }),
  })) as unknown as typeof fetch;
  return { host, valid, save: () => save?.() };
}

describe('the team tab’s configuration page', () => {
  it('offers the workspace bound to this team, and saves a tab that opens it', async () => {
    const teams = teamsIn(TEAM, [
      { id: 'other', name: 'Other', teamId: '19:other@thread.tacv2', role: 'owner' },
      { id: 'ws1', name: 'Sales NL', teamId: TEAM, role: 'member' },
    ]);
    renderView(<ConfigPage host={teams.host} origin="https://crm.example" />, (await fakeApi()).api);
    await screen.findByText('This tab will open the workspace “Sales NL”. Press Save.');
    await waitFor(() => expect(teams.valid.at(-1)).toBe(true));
    expect(await teams.save()).toEqual(tabSettings('https://crm.example', { id: 'ws1', name: 'Sales NL' }));
    expect(tabSettings('https://crm.example', { id: 'ws1', name: 'Sales NL' })).toEqual({
      contentUrl: 'https://crm.example/tab#/w/ws1/my-day',
      websiteUrl: 'https://crm.example/tab#/w/ws1/my-day',
      entityId: 'pipeline-ws1',
      suggestedDisplayName: 'Sales NL',
    });
  });

  it('says how to bind a team that has no workspace, and cannot be saved', async () => {
    const teams = teamsIn(TEAM, [{ id: 'other', name: 'Other', role: 'owner' }]);
    renderView(<ConfigPage host={teams.host} />, (await fakeApi()).api);
    await screen.findByText('This team has no workspace yet');
    expect(screen.getByText(/Add the Pipeline CRM bot to this team first/)).toBeTruthy();
    expect(teams.valid).not.toContain(true);
  });

  it('outside Teams, says what the page is for', async () => {
    renderView(<ConfigPage host={undefined} />, (await fakeApi()).api);
    expect(await screen.findByText(/Teams when the tab is added to a team/)).toBeTruthy();
  });
});
