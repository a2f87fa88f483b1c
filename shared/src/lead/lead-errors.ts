import { domainError, type DomainError } from '../common/domain-error';
import type { LeadStatus } from './lead';

export const leadReadOnly = (): DomainError =>
  domainError(
    'LEAD.READ_ONLY',
    'A converted lead is read-only; change its organisation, contact or opportunity.',
  );

export const leadAlreadyConverted = (): DomainError =>
  domainError('LEAD.ALREADY_CONVERTED', 'This lead has already been converted.');

export const leadInvalidTransition = (from: LeadStatus, to: LeadStatus): DomainError =>
  domainError('LEAD.INVALID_TRANSITION', `A lead cannot move from ${from} to ${to}.`, {
    details: { from, to },
  });

export const leadReasonRequired = (): DomainError =>
  domainError('LEAD.REASON_REQUIRED', 'Say why the lead is disqualified.', {
    fields: { disqualificationReason: 'required' },
  });
