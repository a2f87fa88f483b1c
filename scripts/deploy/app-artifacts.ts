import { join } from 'node:path';
import { buildAppBundle, PACKAGED_ASSETS_FOLDER } from '../../tab/server/bundle/browser-bundle';
import { keepPreviousAssets } from './previous-assets';

/** How `npm run package:apps` was asked to build. */
export type PackageOptions = {
  /** The live tab (`https://<tab host>`) whose browser files the new tab artifact keeps for open pages. */
  readonly keepAssetsFrom?: string;
  readonly log?: (line: string) => void;
};

/** One process as App Service runs it: what goes into its artifact (`npm run package:apps`). */
export type AppArtifact = {
  /** Folder and zip name; the web app is `<base>-<name>` in infra/azure.bicep. */
  readonly name: 'tab' | 'bot';
  /** The process's composition root, from the repository root. */
  readonly entry: string;
  /**
   * Packages that cannot be bundled: left out of server.js and installed into the artifact's own
   * node_modules from package-lock.json (`npm ci --omit=dev`). None today: everything bundles.
   */
  readonly runtimeDependencies: readonly string[];
  /** Packages reached only on development paths, never in production: neither bundled nor shipped. */
  readonly developmentOnly: readonly string[];
  /** Builds whatever else the process serves into the artifact folder. */
  readonly addExtras?: (dir: string, options: PackageOptions) => Promise<void>;
};

/** The bundled composition root at the artifact's root. */
export const SERVER_FILE = 'server.js';

/** The start command: the artifact's `npm start` and App Service's (appCommandLine in infra/azure.bicep). */
export const START_COMMAND = `node ${SERVER_FILE}`;

/** Optional packages that their users load inside try/catch (ws, node-fetch): absent is fine. */
export const GUARDED_OPTIONAL = ['bufferutil', 'utf-8-validate', 'encoding'];

/** The embedded Azurite of `npm start` (shared/src/storage/azurite.ts). */
const AZURITE = 'azurite';

export const APP_ARTIFACTS: readonly AppArtifact[] = [
  {
    name: 'tab',
    entry: 'tab/server/index.ts',
    runtimeDependencies: [],
    // esbuild builds the browser bundle on demand in development only (tab/server/bundle/browser-bundle.ts).
    developmentOnly: ['esbuild', AZURITE],
    // Built now, into the fresh artifact folder: never a tab/dist left over from another checkout;
    // then the live tab's files beside it, for the pages still running that build.
    addExtras: async (dir, { keepAssetsFrom, log = console.log }) => {
      const assets = join(dir, PACKAGED_ASSETS_FOLDER);
      const built = await buildAppBundle(assets, { sourcemap: false, compression: 'best' });
      await keepPreviousAssets(keepAssetsFrom, assets, built, log);
    },
  },
  {
    name: 'bot',
    entry: 'bot/src/index.ts',
    runtimeDependencies: [],
    developmentOnly: [AZURITE],
  },
];
