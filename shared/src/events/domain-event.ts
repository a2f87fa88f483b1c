import type { Currency, Id, Instant, IsoDate, StageId, UserId, WorkspaceId } from '../common/types';

type EventBase<T extends string, D> = {
  readonly id: Id;
  readonly type: T;
  readonly workspaceId: WorkspaceId;
  readonly occurredAt: Instant;
  readonly actorId: UserId;
  readonly data: D;
};

type DealSummary = {
  readonly opportunityId: Id;
  readonly name: string;
  readonly organisationId: Id;
  readonly amount?: number;
  readonly currency: Currency;
};

export type LeadConverted = EventBase<
  'lead.converted',
  {
    readonly leadId: Id;
    readonly leadName: string;
    readonly organisationId: Id;
    readonly organisationName: string;
    readonly contactId: Id;
    readonly opportunityId?: Id;
  }
>;
export type LeadDisqualified = EventBase<
  'lead.disqualified',
  { readonly leadId: Id; readonly leadName: string; readonly reason: string }
>;
export type OpportunityStageChanged = EventBase<
  'opportunity.stage-changed',
  DealSummary & { readonly from?: StageId; readonly to: StageId }
>;
export type OpportunityWon = EventBase<'opportunity.won', DealSummary>;
/** Someone gave the deal to another member: the new owner hears of it in their personal chat. */
export type OpportunityOwnerChanged = EventBase<
  'opportunity.owner-changed',
  DealSummary & { readonly from: UserId; readonly to: UserId; readonly stage: StageId }
>;
export type OpportunityLost = EventBase<'opportunity.lost', DealSummary & { readonly lostReason: string }>;

/**
 * A member's morning digest is due: their day (overdue and today) in their personal chat, read when
 * it is posted. The member is also the actor: nobody else did anything.
 */
export type MorningDigestDue = EventBase<
  'activity.morning-digest',
  { readonly userId: UserId; readonly date: IsoDate; readonly timeZone: string }
>;

/** What the bot tells channels about; written to the outbox in the same transaction as the change. */
export type DomainEvent =
  | LeadConverted
  | LeadDisqualified
  | OpportunityStageChanged
  | OpportunityWon
  | OpportunityLost
  | OpportunityOwnerChanged
  | MorningDigestDue;
export type DomainEventType = DomainEvent['type'];
