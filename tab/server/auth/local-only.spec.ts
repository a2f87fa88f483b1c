import express from 'express';
import request from 'supertest';
import { createLogger, requestLogging } from '../http/logging';
import { localOnly, whyNotLocal } from './local-only';

const local = { remoteAddress: '127.0.0.1', headers: { host: 'localhost:53000' } };

describe('whyNotLocal (dev sign-in is for this machine only)', () => {
  it.each([
    ['an IPv4 loopback peer and a localhost Host', local],
    ['an IPv6 loopback peer and a [::1] Host', { remoteAddress: '::1', headers: { host: '[::1]:53000' } }],
    [
      'an IPv4-mapped loopback peer and a 127.0.0.1 Host',
      { remoteAddress: '::ffff:127.0.0.1', headers: { host: '127.0.0.1:53000' } },
    ],
    ['a Host without a port', { remoteAddress: '127.0.0.1', headers: { host: 'LOCALHOST' } }],
    ['a development or test build', { ...local, env: 'development' }],
  ])('admits %s', (_, req) => {
    expect(whyNotLocal(req)).toBeUndefined();
  });

  it.each([
    ['a peer on the network', { ...local, remoteAddress: '10.0.0.7' }],
    ['an IPv4-mapped peer on the network', { ...local, remoteAddress: '::ffff:192.168.1.2' }],
    ['no peer address (socket gone)', { headers: local.headers }],
    [
      'a tunnel that sets X-Forwarded-For',
      { ...local, headers: { ...local.headers, 'x-forwarded-for': '1.2.3.4' } },
    ],
    [
      'a proxy that sets only X-Forwarded-Host',
      { ...local, headers: { ...local.headers, 'x-forwarded-host': 'a' } },
    ],
    [
      'a proxy that sets X-Forwarded-Proto',
      { ...local, headers: { ...local.headers, 'x-forwarded-proto': 'https' } },
    ],
    ['an RFC 7239 Forwarded header', { ...local, headers: { ...local.headers, forwarded: 'for=1.2.3.4' } }],
    ['a tunnel Host name', { ...local, headers: { host: 'abc123.devtunnels.ms' } }],
    ['a Host that only starts like localhost', { ...local, headers: { host: 'localhost.evil.example' } }],
    ['a public IP Host', { ...local, headers: { host: '203.0.113.9:53000' } }],
    ['no Host at all', { ...local, headers: {} }],
    ['nginx in front (X-Real-IP)', { ...local, headers: { ...local.headers, 'x-real-ip': '203.0.113.9' } }],
    ['a proxy that says so (Via)', { ...local, headers: { ...local.headers, via: '1.1 proxy' } }],
    ['App Service (X-Client-IP)', { ...local, headers: { ...local.headers, 'x-client-ip': '203.0.113.9' } }],
    [
      'a rewrite that kept the original Host (X-Original-Host)',
      { ...local, headers: { ...local.headers, 'x-original-host': 'crm.example' } },
    ],
    ['a Host in 127/8 other than 127.0.0.1', { ...local, headers: { host: '127.0.0.2:53000' } }],
    ['a bare IPv6 Host (not how a client writes it)', { ...local, headers: { host: '::1' } }],
    ['a Host with a port that is not a number', { ...local, headers: { host: 'localhost:x' } }],
    ['a production build (NODE_ENV=production)', { ...local, env: 'production' }],
  ])('refuses %s', (_, req) => {
    expect(whyNotLocal(req)).toEqual(expect.any(String));
  });
});

describe('localOnly middleware', () => {
  const app = express();
  app.use(requestLogging(createLogger('silent')));
  app.post('/local', localOnly, (_req, res) => {
    res.json({ ok: true });
  });

  it('lets a direct local request through', async () => {
    expect((await request(app).post('/local').set('Host', 'localhost')).status).toBe(200);
  });

  it('answers 403 AUTH.LOCAL_ONLY to a direct local request in a production build', async () => {
    const production = express();
    production.set('env', 'production');
    production.use(requestLogging(createLogger('silent')));
    production.post('/local', localOnly, (_req, res) => {
      res.json({ ok: true });
    });
    const res = await request(production).post('/local').set('Host', 'localhost');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'AUTH.LOCAL_ONLY' });
  });

  it('answers 403 AUTH.LOCAL_ONLY as a problem to a proxied one', async () => {
    const res = await request(app).post('/local').set('X-Forwarded-For', '198.51.100.1');
    expect(res.status).toBe(403);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'AUTH.LOCAL_ONLY', status: 403 });
  });
});
