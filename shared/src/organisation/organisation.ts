import type { Audit, Id, ImportedFrom, UserId, WorkspaceId } from '../common/types';
import type { Rating } from '../common/rating';

export const ORGANISATION_STATUSES = [
  'prospect',
  'customer',
  'partner',
  'supplier',
  'former-customer',
] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const ORGANISATION_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

export type OrganisationDetails = {
  readonly name: string;
  readonly website?: string;
  readonly industry?: string;
  readonly size?: OrganisationSize;
  readonly phone?: string;
  readonly email?: string;
  /** Street and number. */
  readonly address?: string;
  readonly city?: string;
  readonly postalCode?: string;
  /** State, province or county. */
  readonly region?: string;
  readonly country?: string;
  readonly description?: string;
  /** Yearly revenue, in the workspace's currency's major unit. */
  readonly annualRevenue?: number;
  /** Number of employees (the `size` band is kept beside it). */
  readonly employees?: number;
  readonly rating?: Rating;
  readonly ownerId: UserId;
} & ImportedFrom;

export type Organisation = OrganisationDetails &
  Audit & {
    readonly id: Id;
    readonly workspaceId: WorkspaceId;
    readonly status: OrganisationStatus;
  };
