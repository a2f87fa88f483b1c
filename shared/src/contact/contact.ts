import type { Audit, Id, ImportedFrom, UserId, WorkspaceId } from '../common/types';

export const CONTACT_RELATIONSHIPS = ['customer', 'supplier', 'colleague', 'partner', 'other'] as const;
export type ContactRelationship = (typeof CONTACT_RELATIONSHIPS)[number];

export type ContactDetails = {
  readonly organisationId: Id;
  readonly firstName?: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly mobile?: string;
  readonly title?: string;
  readonly relationship: ContactRelationship;
  readonly isDecisionMaker: boolean;
  readonly description?: string;
  readonly ownerId: UserId;
} & ImportedFrom;

export type Contact = ContactDetails & Audit & { readonly id: Id; readonly workspaceId: WorkspaceId };
