import { distrust } from './trust';

describe('distrust', () => {
  it.each([
    [{ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' }, true, undefined],
    [{ channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1' }, true, 'not a Microsoft Teams activity'],
    [{ channelId: 'msteams', serviceUrl: 'http://127.0.0.1:3979' }, false, undefined],
    [{ channelId: 'msteams', serviceUrl: 'http://localhost:3979/' }, false, undefined],
    [{ channelId: 'msteams', serviceUrl: 'http://[::1]:3979/' }, false, undefined],
    [
      { channelId: 'msteams', serviceUrl: 'https://evil.example/' },
      false,
      'serviceUrl must be loopback without a bot id',
    ],
    [
      { channelId: 'msteams', serviceUrl: 'http://127.0.0.1.evil.example/' },
      false,
      'serviceUrl must be loopback without a bot id',
    ],
    [
      { channelId: 'msteams', serviceUrl: 'file:///etc/passwd' },
      false,
      'serviceUrl must be loopback without a bot id',
    ],
    [{ channelId: 'msteams' }, false, 'serviceUrl must be loopback without a bot id'],
  ])('%j (authenticated %s) → %s', (activity, authenticated, problem) => {
    expect(distrust(activity, authenticated)).toBe(problem);
  });
});
