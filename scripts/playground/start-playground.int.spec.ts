import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../shared/src/storage/azurite';
import { startPlayground, type RunningPlayground } from './start-playground';

/** The addresses listening on `port` (Linux: /proc/net/tcp and tcp6), as hex the kernel writes them. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}

describe('startPlayground (the Microsoft 365 Agents Playground as npm start runs it)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-playground-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("given the repository's config, then it serves its team and people, on loopback only", async () => {
    const port = await freePort();
    const playground: RunningPlayground = await startPlayground({
      port,
      botEndpoint: `http://127.0.0.1:${await freePort()}/api/messages`,
      dataDir,
    });
    try {
      expect(playground.url).toBe(`http://localhost:${port}`);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      // Its Bot Connector answers from .m365agentsplayground.yml: the file passed its schema.
      const connector = `http://127.0.0.1:${port}/_connector/v3`;
      expect(await (await fetch(`${connector}/teams/team-id`)).json()).toMatchObject({
        name: 'My Team',
        tenantId: '00000000-0000-0000-0000-0000000000001',
      });
      const roster = (await (await fetch(`${connector}/conversations/team-id/pagedmembers`)).json()) as {
        members: { id: string; aadObjectId: string }[];
      };
      expect(roster.members).toContainEqual(
        expect.objectContaining({
          id: '29:alex-wilber',
          aadObjectId: '00000000-0000-0000-0000-0000000000020',
        }),
      );
      // It would listen on every interface; the preload keeps it on 127.0.0.1 (0100007F).
      expect(listeners(port)).toEqual(['0100007F']);
    } finally {
      await playground.stop();
    }
    expect(listeners(port)).toEqual([]);
  });

  it('given its port taken, then it refuses to start and says which port (it would take another silently)', async () => {
    const port = await freePort();
    const taken: Server = await new Promise((listening) => {
      const server = createServer();
      server.listen(port, '127.0.0.1', () => listening(server));
    });
    try {
      await expect(
        startPlayground({ port, botEndpoint: 'http://127.0.0.1:1/api/messages', dataDir }),
      ).rejects.toThrow(`port ${port} is in use`);
    } finally {
      await new Promise((closed) => taken.close(closed));
    }
  });
});
