/** ISO 8601 instant, UTC, e.g. 2026-11-22T10:00:00.000Z. */
export type Instant = string;
/** Calendar date YYYY-MM-DD. */
export type IsoDate = string;
/** ISO 4217 code, upper case. */
export type Currency = string;
export type Id = string;
/** A pipeline stage's id: kebab-case, unique within the workspace's stages. */
export type StageId = string;
/** An Entra user's object id, unique within the workspace's tenant. */
export type UserId = string;
export type TenantId = string;
export type WorkspaceId = string;

/** Who did something: a member of the workspace, from a verified token. */
export type Actor = { readonly tenantId: TenantId; readonly userId: UserId; readonly name?: string };

/** Who and when, on every record. */
export type Audit = {
  readonly createdAt: Instant;
  readonly createdBy: UserId;
  readonly updatedAt: Instant;
  readonly updatedBy: UserId;
};

/**
 * Where an imported record came from: its id in the system it was exported from (Salesforce's
 * `0015g00000AbCdE`, HubSpot's Record ID, Pipedrive's ID), by which later files link to it; and the
 * file's own words for picklist values that were mapped to ours (`{source: 'Seminar - Internal'}`),
 * so nothing the old system said is lost. Set by imports only; no form edits them.
 */
export type ImportedFrom = {
  readonly externalId?: string;
  readonly importedValues?: Readonly<Record<string, string>>;
};

/** Fresh ids handed to pure rules by the caller. */
export type IdSource = () => Id;

export type Money = { readonly amount: number; readonly currency: Currency };
