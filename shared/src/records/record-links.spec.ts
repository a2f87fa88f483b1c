import {
  parseRecordLink,
  parseSubEntityId,
  recordTabAddress,
  subEntityIdOf,
  tabHash,
  tabWebUrl,
  teamsDeepLink,
} from './record-links';

const TAB = { appId: '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55', entityId: 'pipeline' };

describe('links to a record', () => {
  it.each([
    ['lead', 'leads'],
    ['organisation', 'organisations'],
    ['contact', 'contacts'],
    ['opportunity', 'opportunities'],
  ] as const)('a %s: the web URL and the Teams deep link both lead back to it', (kind, view) => {
    const record = { workspaceId: 'ws 1', kind, recordId: 'R/1' };
    const address = recordTabAddress(record);
    expect(tabHash(address)).toBe(`#/w/ws%201/${view}/R%2F1`);
    const web = tabWebUrl('https://crm.example/tab', address);
    expect(web).toBe(`https://crm.example/tab#/w/ws%201/${view}/R%2F1`);
    expect(parseRecordLink(web)).toEqual(record);
    const deep = teamsDeepLink(TAB, address, { webUrl: web, label: 'Ada' });
    expect(deep).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/6f1c2f59-[^/]+\/pipeline\?webUrl=/);
    const context = JSON.parse(new URL(deep).searchParams.get('context') ?? '{}') as { subEntityId: string };
    expect(context).toEqual({ subEntityId: `ws%201/${view}/R%2F1` });
    expect(parseRecordLink(deep)).toEqual(record);
  });

  it.each([
    ['a view without records', 'https://crm.example/#/w/ws/dashboard'],
    ['a list, not a record', 'https://crm.example/#/w/ws/leads'],
    ['an unknown view', 'https://crm.example/#/w/ws/nonsense/1'],
    ['the old made-up path form', 'https://crm.example/workspaces/ws/leads/L1'],
    ['no URL at all', 'leads/L1'],
    ['a Teams link that is no tab link', 'https://teams.microsoft.com/l/message/19:x@thread.tacv2/1'],
    ['a Teams deep link with broken context', 'https://teams.microsoft.com/l/entity/a/pipeline?context=%7B'],
  ])('%s is no record link', (_what, link) => {
    expect(parseRecordLink(link)).toBeUndefined();
  });

  it('reads a subEntityId with its workspace, or the older one inside the tab’s own workspace', () => {
    const address = { workspaceId: 'ws', view: 'contacts', recordId: 'C1' } as const;
    expect(subEntityIdOf(address)).toBe('ws/contacts/C1');
    expect(parseSubEntityId('ws/contacts/C1')).toEqual(address);
    expect(parseSubEntityId('contacts/C1', 'ws')).toEqual(address);
    expect(parseSubEntityId('contacts/C1')).toBeUndefined();
    expect(parseSubEntityId('ws/dashboard')).toEqual({ workspaceId: 'ws', view: 'dashboard' });
  });
});
