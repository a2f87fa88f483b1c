import { domainError } from '../../common/domain-error';
import { err, ok, type Result } from '../../common/result';
import type { Id, UserId, WorkspaceId } from '../../common/types';
import { staleDays } from '../../opportunity/deal-touch';
import type { Opportunity } from '../../opportunity/opportunity';
import { unknownStage } from '../../opportunity/opportunity-rules';
import { findStage, openStages } from '../../opportunity/stages';
import type { StageId } from '../../opportunity/stage';
import {
  addTotalsUnder,
  DEAL_ROW,
  stageTotals,
  totalsByCurrencyOf,
  type DealTotalsByCurrency,
  type TotalsUnits,
} from '../../reports';
import type { Page, Versioned } from '../../records/versions';
import { accessWorkspace } from '../access';
import type { AppDeps, Caller } from '../deps';

/** Deals a board column shows before the user scrolls for more. */
export const BOARD_PAGE = 20;
const MAX_PAGE = 200;

export type BoardCards = {
  readonly items: readonly Versioned<Opportunity>[];
  readonly nextCursor?: string;
  /** Days since the last touch of each listed deal that is stale (deal-touch.ts), by id. */
  readonly stale: Readonly<Record<Id, number>>;
};

export type BoardColumn = BoardCards & {
  readonly stage: StageId;
  readonly label?: string;
  /** Every deal in the stage, and their totals per currency: from the figures, not from the cards. */
  readonly count: number;
  readonly totals: DealTotalsByCurrency;
};

/** The open stages together (the whole pipeline): how many deals, and their totals per currency. */
export type BoardPipeline = { readonly count: number; readonly totals: DealTotalsByCurrency };

export type Board = {
  readonly staleAfterDays: number;
  /** The owner the board shows (absent: everyone's deals). */
  readonly owner?: UserId;
  readonly pipeline: BoardPipeline;
  readonly columns: readonly BoardColumn[];
};

/** Whose deals the board shows: a member's, `me` (the caller's), or everyone's when absent. */
export type BoardOptions = { readonly limit?: number; readonly owner?: UserId | 'me' };

/** `me` is the caller; an empty owner is everyone. */
export const boardOwner = (caller: Caller, owner: string | undefined): UserId | undefined =>
  owner === 'me' ? caller.actor.userId : owner || undefined;

const countOf = (totals: DealTotalsByCurrency): number =>
  Object.values(totals).reduce((n, t) => n + t.count, 0);

/**
 * The pipeline board: per stage of the workspace, its first deals (newest first) with each column's
 * count and totals per currency from the maintained figures, and the open stages' sum (the whole
 * pipeline). With an owner, only that owner's deals and figures. One figure row and one key range per
 * stage: what it reads grows with the stages, not with the deals.
 */
export async function openBoard(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  options: BoardOptions = {},
): Promise<Result<Board>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const { stages, staleAfterDays } = access.value.workspace.record.settings;
  const size = pageSize(options.limit);
  if (!size.ok) return size;
  const limit = size.value;
  const owner = boardOwner(caller, options.owner);
  const now = deps.clock.now();
  const [figures, ...pages] = await Promise.all([
    deps.records.readFigures(ws, { rows: [DEAL_ROW] }),
    ...stages.map((stage) =>
      deps.records.boardColumn(ws, stage.id, { limit, ...(owner !== undefined ? { owner } : {}) }),
    ),
  ]);
  const deals = figures.get(DEAL_ROW);
  const columns = stages.map((stage, i): BoardColumn => {
    const totals = stageTotals(deals, stage.id, owner);
    return {
      stage: stage.id,
      ...(stage.label ? { label: stage.label } : {}),
      count: countOf(totals),
      totals,
      ...cards(pages[i] as Page<Versioned<Opportunity>>, now, staleAfterDays),
    };
  });
  const open = new Map<string, TotalsUnits>();
  for (const stage of openStages(stages)) {
    if (owner === undefined) addTotalsUnder(open, deals, 's', stage.id);
    else addTotalsUnder(open, deals, 'o', owner, stage.id);
  }
  const pipeline = totalsByCurrencyOf(open);
  return ok({
    staleAfterDays,
    ...(owner !== undefined ? { owner } : {}),
    pipeline: { count: countOf(pipeline), totals: pipeline },
    columns,
  });
}

/** More deals of one column (the board scrolled): the page after `cursor`. */
export async function moreBoardCards(
  deps: AppDeps,
  caller: Caller,
  ws: WorkspaceId,
  stage: StageId,
  options: BoardOptions & { readonly cursor?: string } = {},
): Promise<Result<BoardCards>> {
  const access = await accessWorkspace(deps, caller.actor, ws, 'read');
  if (!access.ok) return access;
  const { stages, staleAfterDays } = access.value.workspace.record.settings;
  if (!findStage(stages, stage)) return unknownStage(stage);
  const limit = pageSize(options.limit);
  if (!limit.ok) return limit;
  const owner = boardOwner(caller, options.owner);
  const page = await deps.records.boardColumn(ws, stage, {
    limit: limit.value,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(owner !== undefined ? { owner } : {}),
  });
  return ok(cards(page, deps.clock.now(), staleAfterDays));
}

function pageSize(limit: number | undefined): Result<number> {
  const size = limit ?? BOARD_PAGE;
  if (Number.isInteger(size) && size >= 1 && size <= MAX_PAGE) return ok(size);
  const message = `must be a whole number from 1 to ${MAX_PAGE}`;
  return err(domainError('VALIDATION.FAILED', message, { fields: { limit: message } }));
}

function cards(page: Page<Versioned<Opportunity>>, now: string, staleAfterDays: number): BoardCards {
  const stale: Record<Id, number> = {};
  for (const { record } of page.items) {
    const days = staleDays(record, now, staleAfterDays);
    if (days !== undefined) stale[record.id] = days;
  }
  return { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), stale };
}
