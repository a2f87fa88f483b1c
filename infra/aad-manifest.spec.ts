import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const readJson = (path: string) => JSON.parse(readFileSync(join(__dirname, '..', path), 'utf8'));
const entra = readJson('infra/aad.manifest.json');
const teams = readJson('appPackage/manifest.json');

// Teams desktop/mobile and Teams web: the clients that ask for the tab's SSO token.
const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];

describe('infra/aad.manifest.json (the Entra app for Teams SSO)', () => {
  it('is the app and resource the Teams manifest asks tokens for', () => {
    expect(entra.appId).toBe(teams.webApplicationInfo.id);
    expect(entra.identifierUris).toEqual([teams.webApplicationInfo.resource]);
  });

  it('issues v2 tokens with the access_as_user scope the tab server requires', () => {
    expect(entra.api.requestedAccessTokenVersion).toBe(2);
    expect(entra.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ value: 'access_as_user', isEnabled: true, type: 'User' }),
    ]);
  });

  it('pre-authorizes the Teams clients for that scope, so users see no consent prompt for it', () => {
    const scopeId = entra.api.oauth2PermissionScopes[0].id;
    const authorized = entra.api.preAuthorizedApplications.filter(
      (app: { delegatedPermissionIds: string[] }) => app.delegatedPermissionIds.includes(scopeId),
    );
    expect(authorized.map((app: { appId: string }) => app.appId)).toEqual(
      expect.arrayContaining(TEAMS_CLIENTS),
    );
  });
});
