import { createServer } from 'node:http';
import { drainServer, isLoopback, storageConfigOf, withoutEmpty } from './process-config';

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['10.0.0.1', false],
    ['::', false],
    ['example.com', false],
    ['127.0.0.1.example.com', false],
  ])('%s → %s', (host, expected) => expect(isLoopback(host)).toBe(expected));
});

describe('storageConfigOf', () => {
  it('prefers a connection string, then an account URL, else nothing', () => {
    expect(storageConfigOf({ STORAGE_CONNECTION_STRING: 'cs', STORAGE_ACCOUNT_URL: 'https://a' })).toEqual({
      connectionString: 'cs',
    });
    expect(storageConfigOf({ STORAGE_ACCOUNT_URL: 'https://a' })).toEqual({ accountUrl: 'https://a' });
    expect(storageConfigOf({})).toBeUndefined();
  });
});

describe('withoutEmpty', () => {
  it('treats exported-but-empty variables as unset', () => {
    expect(withoutEmpty({ A: '', B: 'x' })).toEqual({ B: 'x' });
  });
});

describe('drainServer', () => {
  it('closes a listening server and resolves', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    await drainServer(server, 1_000);
    expect(server.listening).toBe(false);
  });
});
