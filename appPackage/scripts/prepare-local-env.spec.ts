import { OFFLINE_ID, prepareLocalEnv } from './prepare-local-env';
import { loadEnvironment } from './env-file';
import { join } from 'node:path';

const tunnel = {
  TAB_ENDPOINT: 'https://abc-53000.euw.devtunnels.ms',
  TAB_DOMAIN: 'abc-53000.euw.devtunnels.ms',
  BOT_ENDPOINT: 'https://abc-3978.euw.devtunnels.ms',
  BOT_DOMAIN: 'abc-3978.euw.devtunnels.ms',
};

describe('prepareLocalEnv', () => {
  it('forgets the offline placeholder ids that env/.env.local ships, so the toolkit creates real ones', () => {
    const shipped = Object.fromEntries(loadEnvironment(join(__dirname, '..', '..', 'env'), 'local'));
    expect(prepareLocalEnv({ ...shipped, ...tunnel })).toEqual({
      ok: true,
      commands: [
        '::set-teamsfx-env TEAMS_APP_ID=""',
        '::set-teamsfx-env BOT_ID=""',
        '::set-teamsfx-env AAD_APP_CLIENT_ID=""',
      ],
    });
  });

  it('keeps ids that provisioning wrote', () => {
    const real = {
      TEAMS_APP_ID: '6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55',
      BOT_ID: '',
      AAD_APP_CLIENT_ID: undefined,
    };
    expect(prepareLocalEnv({ ...tunnel, ...real })).toEqual({ ok: true, commands: [] });
  });

  it('stops on endpoints Teams cannot reach, and on domains that do not match them', () => {
    const result = prepareLocalEnv({
      ...tunnel,
      TAB_ENDPOINT: 'http://localhost:53000',
      BOT_DOMAIN: 'localhost',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.stringContaining('TAB_ENDPOINT is "http://localhost:53000": Teams needs HTTPS'),
        'BOT_DOMAIN must be the host of BOT_ENDPOINT (abc-3978.euw.devtunnels.ms)',
      ],
    });
  });

  it.each([
    ['00000000-0000-0000-0000-000000000001', true],
    ['00000000-0000-0000-0000-000000000099', true],
    ['00000000-0000-0000-0000-100000000001', false],
    ['6f1c2f59-8e0a-4a8e-9a8e-3d7b2f1c4e55', false],
  ])('takes %s for an offline id: %s', (id, offline) => {
    expect(OFFLINE_ID.test(id)).toBe(offline);
  });
});
