import type { ActivityType } from '../activity/activity';
import type { Audit, Currency, Id, Instant, IsoDate, UserId, WorkspaceId } from '../common/types';
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
};

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
    /** When the latest activity about the deal happened; kept by activity writes. */
    readonly lastActivityAt?: Instant;
    /** The deal's earliest open activity; kept by activity writes. None: "no next step". */
    readonly nextActivity?: {
      readonly id: Id;
      readonly type: ActivityType;
      readonly subject: string;
      readonly dueAt: Instant;
    };
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
