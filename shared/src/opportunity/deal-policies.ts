import { domainError } from '../common/domain-error';
import type { ChangeContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Id } from '../common/types';
import type { Contact } from '../contact/contact';
import type { DomainEvent } from '../events/domain-event';
import { markCustomerOnWin } from '../organisation/mark-customer-on-win';
import type { Organisation } from '../organisation/organisation';

/**
 * The two rules a deal imposes on the records around it, kept here once for every path that makes
 * or moves a deal (the opportunity use cases and lead conversion).
 */

/** A deal's primary contact must work at the deal's organisation. */
export const contactWorksAt = (contact: Pick<Contact, 'organisationId'>, organisationId: Id | undefined) =>
  contact.organisationId === organisationId;

/** `contactWorksAt` as the opportunity rules report it. */
export function checkDealContact(contact: Contact | undefined, organisationId: Id | undefined): Result<void> {
  if (!contact || contactWorksAt(contact, organisationId)) return ok(undefined);
  return err(
    domainError(
      'OPPORTUNITY.CONTACT_NOT_IN_ORGANISATION',
      "The primary contact must work at the deal's organisation.",
    ),
  );
}

/**
 * A win makes the deal's organisation a customer, in the same commit as the win: the organisation as
 * it must be written, or undefined when the events hold no win or the organisation stays as it is.
 */
export function customerAfterWin(
  events: readonly DomainEvent[],
  organisation: Organisation | undefined,
  ctx: ChangeContext,
): Organisation | undefined {
  if (!organisation || !events.some((event) => event.type === 'opportunity.won')) return undefined;
  return markCustomerOnWin(organisation, ctx);
}
