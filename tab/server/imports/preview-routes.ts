import { rm } from 'node:fs/promises';
import type { Request, Response, Router } from 'express';
import * as z from 'zod';
import {
  DUPLICATE_POLICIES,
  IMPORT_KINDS,
  MappingInputSchema,
  domainError,
  parseInput,
  type ImportKind,
} from '@crm/shared';
import {
  accessWorkspace,
  checkImportMapping,
  previewImport,
  type Caller,
  type ImportDeps,
} from '@crm/shared/application';
import { jsonBody } from '../http/json-body';
import { sendDomainError, sendTransportError } from '../http/problem';
import { callerOf } from '../http/request-context';
import { csvRecords } from './csv-file';
import {
  checkedIds,
  duplicatesParam,
  importPlan,
  importSpooled,
  queueFull,
  receiveUpload,
  withImportSlot,
  type ImportRouteOptions,
} from './import-routes';
import type { PreviewStore, PreviewedFile } from './preview-store';

export const PREVIEWS_PATH = '/workspaces/:ws/imports/previews';
export const PREVIEW_PATH = '/workspaces/:ws/imports/previews/:id';
export const START_IMPORT_PATH = '/workspaces/:ws/imports';

/** Re-checking a preview with a changed mapping. */
export const RecheckPreviewSchema = z.strictObject({
  mapping: MappingInputSchema.optional(),
  duplicates: z.enum(DUPLICATE_POLICIES).optional(),
});

/** Importing a previewed file with the mapping the user settled on. */
export const StartImportSchema = z.strictObject({
  previewId: z.string().min(1).max(64).describe('The id previewImport answered'),
  mapping: MappingInputSchema.optional(),
  duplicates: z
    .enum(DUPLICATE_POLICIES)
    .optional()
    .describe(
      'A row matching an existing record: skip it (default), update its empty fields, or create anyway',
    ),
});

const ownerOf = (caller: Caller): string => `${caller.actor.tenantId}/${caller.actor.userId}`;

function kindParam(req: Request, res: Response): ImportKind | undefined {
  const kind = req.query.kind ?? 'lead';
  if (typeof kind === 'string' && (IMPORT_KINDS as readonly string[]).includes(kind))
    return kind as ImportKind;
  sendDomainError(
    req,
    res,
    domainError('VALIDATION.FAILED', `kind must be one of ${IMPORT_KINDS.join(', ')}.`, {
      fields: { kind: IMPORT_KINDS.join(', ') },
    }),
  );
  return undefined;
}

const previewLocation = (file: PreviewedFile): string =>
  `/api/v1/workspaces/${file.ws}/imports/previews/${file.id}`;

const notFound = () =>
  domainError(
    'IMPORT.PREVIEW_NOT_FOUND',
    'This preview is gone (imported already, expired after an hour, or the server restarted); preview the file again.',
  );

/**
 * Preview, then import: the file is uploaded once (`POST .../imports/previews`, CSV), read as the
 * import would read it and kept; the mapping can be changed and checked again (`POST
 * .../imports/previews/{id}`, JSON); `POST .../imports` then imports it with the mapping settled on.
 */
export function mountPreviewRoutes(
  router: Router,
  deps: ImportDeps,
  options: ImportRouteOptions,
  previews: PreviewStore,
): void {
  // The JSON routes' limit: a mapping of a wide file's columns fits in it many times over.
  const json = jsonBody('100kb');

  router.post(PREVIEWS_PATH, async (req, res) => {
    const params = () => {
      const kind = kindParam(req, res);
      const duplicates = kind && duplicatesParam(req, res);
      return kind && duplicates !== null ? { kind, duplicates } : undefined;
    };
    await receiveUpload(req, res, deps, options, params, async ({ caller, ws, upload, params }) => {
      const { kind, duplicates } = params;
      const rows = csvRecords(upload.path, upload.csv);
      const preview = await previewImport(deps, caller, ws, rows, importPlan(kind, { duplicates }));
      if (!preview.ok) {
        await rm(upload.path, { force: true });
        return sendDomainError(req, res, preview.error);
      }
      const file = await previews.keep({
        ws,
        owner: ownerOf(caller),
        kind,
        csv: upload.csv,
        upload: upload.path,
      });
      res.location(previewLocation(file));
      res.status(201).json({
        id: file.id,
        expiresAt: new Date(file.expiresAt).toISOString(),
        ...preview.value,
        ...(upload.sheet ? { sheet: upload.sheet } : {}),
      });
    });
  });

  router.post(PREVIEW_PATH, json, async (req, res) => {
    const ids = checkedIds(req, res);
    if (!ids?.id) return;
    const body = parseInput(RecheckPreviewSchema, req.body ?? {});
    if (!body.ok) return sendDomainError(req, res, body.error);
    const caller = callerOf(req, res);
    const access = await accessWorkspace(deps, caller.actor, ids.ws, 'write');
    if (!access.ok) return sendDomainError(req, res, access.error);
    const file = await previews.find(ids.ws, ids.id, ownerOf(caller));
    if (!file) return sendDomainError(req, res, notFound());
    const rows = csvRecords(file.path, file.csv);
    const preview = await previewImport(deps, caller, ids.ws, rows, importPlan(file.kind, body.value));
    if (!preview.ok) return sendDomainError(req, res, preview.error);
    res
      .status(200)
      .json({ id: file.id, expiresAt: new Date(file.expiresAt).toISOString(), ...preview.value });
  });

  router.post(START_IMPORT_PATH, json, async (req, res) => {
    const ids = checkedIds(req, res);
    if (!ids) return;
    const body = parseInput(StartImportSchema, req.body ?? {});
    if (!body.ok) return sendDomainError(req, res, body.error);
    const caller = callerOf(req, res);
    const access = await accessWorkspace(deps, caller.actor, ids.ws, 'write');
    if (!access.ok) return sendDomainError(req, res, access.error);
    const file = await previews.find(ids.ws, body.value.previewId, ownerOf(caller));
    if (!file) return sendDomainError(req, res, notFound());
    // Refusals that a second try can get past keep the preview: a bad mapping, a full queue.
    const mapping = await checkImportMapping(
      deps,
      caller,
      ids.ws,
      file.kind,
      file.csv.header,
      body.value.mapping,
    );
    if (!mapping.ok) return sendDomainError(req, res, mapping.error);
    if (file.csv.total > options.inlineMaxRows && (await queueFull(deps, ids.ws, options))) {
      res.set('Retry-After', '30');
      return sendTransportError(
        req,
        res,
        'IMPORT.QUEUE_FULL',
        'This workspace already has imports waiting; try again when one has finished.',
      );
    }
    await withImportSlot(req, res, options.slots, caller, async () => {
      // Of two starts from one preview (two instances), one imports; the other hears it is gone.
      if (!(await previews.take(file))) return sendDomainError(req, res, notFound());
      await importSpooled(req, res, deps, options, caller, ids.ws, file, importPlan(file.kind, body.value));
    });
  });
}
