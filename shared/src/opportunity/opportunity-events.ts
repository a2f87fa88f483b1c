import { sameUser } from '../common/schemas';
import type { Id, Instant, UserId } from '../common/types';
import type { DomainEvent } from '../events/domain-event';
import type { Opportunity } from './opportunity';
import { LOST, WON, type StageId } from './stage';

export type EventContext = { readonly actor: UserId; readonly now: Instant; readonly newEventId: () => Id };

const summary = (o: Opportunity) => ({
  opportunityId: o.id,
  name: o.name,
  organisationId: o.organisationId,
  ...(o.amount !== undefined ? { amount: o.amount } : {}),
  currency: o.currency,
});

/**
 * What the channel hears about a deal entering its stage: the move itself (none when the deal is
 * being created, `from` absent: nobody moved it), then the win or the loss.
 */
export function stageEvents(o: Opportunity, from: StageId | undefined, ctx: EventContext): DomainEvent[] {
  const meta = () => ({
    id: ctx.newEventId(),
    workspaceId: o.workspaceId,
    occurredAt: ctx.now,
    actorId: ctx.actor,
  });
  const events: DomainEvent[] = [];
  if (from !== undefined) {
    events.push({ ...meta(), type: 'opportunity.stage-changed', data: { ...summary(o), from, to: o.stage } });
  }
  if (o.stage === WON) events.push({ ...meta(), type: 'opportunity.won', data: summary(o) });
  if (o.stage === LOST) {
    events.push({
      ...meta(),
      type: 'opportunity.lost',
      data: { ...summary(o), lostReason: o.lostReason ?? '' },
    });
  }
  return events;
}

/** A deal given to another owner (by someone, or by a bulk reassign): told to the new owner. */
export function ownerChangeEvents(before: Opportunity, after: Opportunity, ctx: EventContext): DomainEvent[] {
  if (sameUser(before.ownerId, after.ownerId)) return [];
  return [
    {
      id: ctx.newEventId(),
      type: 'opportunity.owner-changed',
      workspaceId: after.workspaceId,
      occurredAt: ctx.now,
      actorId: ctx.actor,
      data: { ...summary(after), from: before.ownerId, to: after.ownerId, stage: after.stage },
    },
  ];
}
