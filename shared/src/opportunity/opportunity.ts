import type { NextActivity } from '../activity/activity-summary';
import type {
  Audit,
  Currency,
  Id,
  ImportedFrom,
  Instant,
  IsoDate,
  UserId,
  WorkspaceId,
} from '../common/types';
import type { ForecastCategory, StageId } from './stage';

export type OpportunityDetails = {
  readonly name: string;
  readonly organisationId: Id;
  readonly amount?: number;
  readonly currency: Currency;
  readonly closeDate?: IsoDate;
  readonly ownerId: UserId;
  readonly primaryContactId?: Id;
  readonly leadId?: Id;
  readonly campaignId?: Id;
  readonly description?: string;
  readonly nextStep?: string;
} & ImportedFrom;

export type Opportunity = OpportunityDetails &
  Audit & {
    readonly id: Id;
    readonly workspaceId: WorkspaceId;
    readonly stage: StageId;
    /** 0–100; follows the stage unless `probabilityOverridden`. */
    readonly probability: number;
    readonly probabilityOverridden: boolean;
    readonly forecastCategory: ForecastCategory;
    /** Required while the stage is closed-lost. */
    readonly lostReason?: string;
    /** Set while the stage is closed (won or lost). */
    readonly closedAt?: Instant;
    readonly stageChangedAt: Instant;
    /**
     * Maintained in the same transaction as every activity write about the deal (or its originating
     * lead), never set by a client: the earliest open activity (absent: "no next step") and when the
     * latest done one happened (absent: none done yet).
     */
    readonly nextActivity?: NextActivity;
    readonly lastActivityAt?: Instant;
  };

/** One row of an opportunity's stage history. `from` is absent for the opening stage. */
export type StageChange = {
  readonly id: Id;
  readonly opportunityId: Id;
  readonly from?: StageId;
  readonly to: StageId;
  readonly by: UserId;
  readonly at: Instant;
  readonly reopened?: boolean;
};
