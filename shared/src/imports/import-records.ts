import type { z } from 'zod';
import { definedOnly, type CreateContext } from '../common/record-change';
import { err, ok, type Result } from '../common/result';
import type { Id, Instant, UserId } from '../common/types';
import type { Contact } from '../contact/contact';
import { ContactCreateInputSchema } from '../contact/contact.schema';
import { decideContactCreation } from '../contact/create-contact';
import { decideLeadCreation } from '../lead/create-lead';
import { isOpenLeadStatus, type Lead, type LeadStatus } from '../lead/lead';
import { LeadCreateInputSchema } from '../lead/lead.schema';
import { leadBase, withState } from '../lead/lead-state';
import { decideOpportunityCreation } from '../opportunity/create-opportunity';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import { OpportunityCreateInputSchema } from '../opportunity/opportunity.schema';
import { LOST, WON, type PipelineSettings } from '../opportunity/stage';
import { findStage, isClosed, isClosedStageId } from '../opportunity/stages';
import { decideOrganisationCreation } from '../organisation/create-organisation';
import { ORGANISATION_SIZES, type Organisation, type OrganisationSize } from '../organisation/organisation';
import { OrganisationCreateInputSchema } from '../organisation/organisation.schema';
import type { ImportKind } from './import-fields';
import type { ImportLookups } from './import-lookups';
import type { FieldValues, ImportErrorCode, ImportRowError, ImportReference } from './import-row';

/** What one imported row becomes: a record of the kind (and, for a deal, its opening history row). */
export type ImportedRecord =
  | { readonly kind: 'lead'; readonly record: Lead }
  | { readonly kind: 'organisation'; readonly record: Organisation }
  | { readonly kind: 'contact'; readonly record: Contact }
  | { readonly kind: 'opportunity'; readonly record: Opportunity; readonly stageChange: StageChange };

export type BuildContext = Omit<CreateContext, 'id'> & {
  /** A fresh id, used when the file gives none of ours. */
  readonly newId: () => Id;
  readonly settings: PipelineSettings;
  /** The owner of a row whose owner column names no member (the importer; issue 18 may assign round-robin). */
  readonly defaultOwner: () => UserId;
};

type Built = Result<ImportedRecord, readonly ImportRowError[]>;

/**
 * A read row → the record it imports as, through the same create rules and input schemas as the API
 * (so an imported record is one the API could have made), then what only an import sets: our own id
 * (our export, read back), the export's own id, the created and updated dates, a lead's closed status,
 * and the file's words for mapped values. Nothing is announced: an import posts no Teams messages.
 */
export function buildImportedRecord(
  kind: ImportKind,
  row: number,
  values: FieldValues,
  imported: Readonly<Record<string, string>>,
  lookups: ImportLookups,
  ctx: BuildContext,
): Built {
  const problems = new Problems(row);
  const s = (field: string) => values[field] as string | undefined;
  const id = s('id') ?? ctx.newId();
  const create: CreateContext = { id, workspaceId: ctx.workspaceId, actor: ctx.actor, now: ctx.now };
  const ownerId = (values.owner as UserId | undefined) ?? ctx.defaultOwner();
  const kept: Record<string, string> = {
    ...((values.importedValues as Record<string, string> | undefined) ?? {}),
    ...imported,
  };
  const audit = auditOf(values, ctx.now);
  const finish = <T extends { readonly createdAt: Instant; readonly updatedAt: Instant }>(record: T): T =>
    definedOnly({
      ...record,
      ...audit,
      externalId: s('externalId'),
      importedValues: Object.keys(kept).length > 0 ? kept : undefined,
    });

  switch (kind) {
    case 'lead': {
      const named = nameOf(values);
      const status = leadStatusOf(values);
      const parsed = LeadCreateInputSchema.safeParse(
        definedOnly({
          ...pick(values, LEAD_DETAILS),
          ...named,
          ownerId,
          campaignId: values.campaign,
          qualification: definedOnly({
            budget: values.budget,
            authority: values.authority,
            need: values.need,
            timeline: values.timeline,
            notes: values.qualificationNotes,
          }),
          status: isOpenLeadStatus(status) ? status : undefined,
        }),
      );
      if (!parsed.success) return problems.fromSchema(parsed.error, values);
      const created = decideLeadCreation(parsed.data, create);
      if (!created.ok) return problems.whole(created.error.message);
      const lead = closedLead(created.value, status, values, audit.updatedAt, ctx.actor);
      return ok({ kind, record: finish(lead) });
    }
    case 'organisation': {
      const employees = values.employees as number | undefined;
      const parsed = OrganisationCreateInputSchema.safeParse(
        definedOnly({
          ...pick(values, ORGANISATION_DETAILS),
          status: values.status ?? values.lifecycleStage,
          size: values.size ?? sizeOf(employees, values.employeeBand as Band | undefined),
          ownerId,
        }),
      );
      if (!parsed.success) return problems.fromSchema(parsed.error, values);
      const created = decideOrganisationCreation(parsed.data, create);
      if (!created.ok) return problems.whole(created.error.message);
      return ok({ kind, record: finish(created.value) });
    }
    case 'contact': {
      const organisationId = problems.organisation(values);
      const parsed = ContactCreateInputSchema.safeParse(
        definedOnly({
          ...pick(values, CONTACT_DETAILS),
          ...nameOf(values),
          organisationId: organisationId ?? 'missing',
          relationship: values.relationship ?? values.lifecycleStage,
          ownerId,
        }),
      );
      if (!parsed.success) problems.fromSchema(parsed.error, values);
      if (problems.any() || !parsed.success) return problems.result();
      const created = decideContactCreation(parsed.data, create);
      if (!created.ok) return problems.whole(created.error.message);
      return ok({ kind, record: finish(created.value) });
    }
    case 'opportunity': {
      const organisationId = problems.organisation(values);
      const stageId = dealStage(values, ctx.settings);
      const stage = findStage(ctx.settings.stages, stageId ?? '');
      const contactId = firstFound(values, [
        'primaryContactId',
        'primaryContactExternalId',
        'primaryContact',
      ]);
      const primaryContactId =
        contactId && lookups.contacts.organisationOf.get(contactId) === organisationId
          ? contactId
          : undefined;
      const probability = values.probability as number | undefined;
      const parsed = OpportunityCreateInputSchema.safeParse(
        definedOnly({
          ...pick(values, OPPORTUNITY_DETAILS),
          organisationId: organisationId ?? 'missing',
          stage: stage?.id,
          // A hand-set probability only where it differs from the stage's; a closed deal's is fixed.
          probability:
            stage && !isClosed(stage) && probability !== undefined && probability !== stage.probability
              ? probability
              : undefined,
          lostReason: stage?.id === LOST ? s('lostReason')?.trim() || NO_LOST_REASON : undefined,
          primaryContactId,
          campaignId: values.campaign,
          ownerId,
        }),
      );
      if (!parsed.success) problems.fromSchema(parsed.error, values);
      if (problems.any() || !parsed.success) return problems.result();
      const created = decideOpportunityCreation(parsed.data, {
        ...create,
        settings: ctx.settings,
        stageChangeId: ctx.newId(),
        newEventId: ctx.newId,
      });
      if (!created.ok) return problems.whole(created.error.message);
      const { opportunity, stageChange } = created.value;
      const closedAt = isClosedStageId(opportunity.stage)
        ? ((values.closedAt as Instant | undefined) ?? audit.updatedAt)
        : undefined;
      const changedAt = closedAt ?? audit.createdAt;
      // A lost reason on a deal that is not lost has no field of ours: it is kept with the file's words.
      const lostReason = s('lostReason')?.trim();
      if (lostReason && stage?.id !== LOST) kept.lostReason = lostReason;
      const record: Opportunity = finish(
        definedOnly({ ...opportunity, closedAt, stageChangedAt: changedAt }),
      );
      return ok({ kind, record, stageChange: { ...stageChange, at: changedAt } });
    }
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

/** A deal lost in the old system without a reason given there. */
export const NO_LOST_REASON = 'No reason given (imported)';
/** A lead disqualified in the old system without a reason given there. */
export const NO_DISQUALIFICATION_REASON = 'No reason given (imported)';

const LEAD_DETAILS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'title',
  'company',
  'website',
  'industry',
  'description',
  'address',
  'city',
  'postalCode',
  'region',
  'country',
  'annualRevenue',
  'employees',
  'rating',
  'source',
] as const;
const ORGANISATION_DETAILS = [
  'name',
  'website',
  'industry',
  'employees',
  'annualRevenue',
  'rating',
  'phone',
  'email',
  'address',
  'city',
  'postalCode',
  'region',
  'country',
  'description',
] as const;
const CONTACT_DETAILS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'title',
  'isDecisionMaker',
  'description',
] as const;
const OPPORTUNITY_DETAILS = [
  'name',
  'amount',
  'currency',
  'closeDate',
  'leadId',
  'nextStep',
  'description',
] as const;

const pick = (values: FieldValues, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));

/** First and last name, from their own columns or a whole name split ("Last, First" or "First … Last"). */
function nameOf(values: FieldValues): { firstName?: string; lastName?: string } {
  const whole = (values.name as string | undefined)?.trim();
  if (values.lastName !== undefined || !whole) return {};
  const comma = whole.indexOf(',');
  if (comma > 0) {
    const first = whole.slice(comma + 1).trim();
    return {
      lastName: whole.slice(0, comma).trim(),
      ...(first && values.firstName === undefined ? { firstName: first } : {}),
    };
  }
  const cut = whole.lastIndexOf(' ');
  if (cut < 0) return { lastName: whole };
  return {
    lastName: whole.slice(cut + 1),
    ...(values.firstName === undefined ? { firstName: whole.slice(0, cut) } : {}),
  };
}

/** The file's created and updated dates where it gives them (never updated before created), else now. */
function auditOf(values: FieldValues, now: Instant): { createdAt: Instant; updatedAt: Instant } {
  const createdAt = (values.createdAt as Instant | undefined) ?? now;
  const updatedAt = (values.updatedAt as Instant | undefined) ?? (values.createdAt ? createdAt : now);
  return { createdAt, updatedAt: updatedAt < createdAt ? createdAt : updatedAt };
}

/** A lead's status: its own column, else HubSpot's lifecycle stage, else new. */
const leadStatusOf = (values: FieldValues): LeadStatus =>
  (values.status as LeadStatus | undefined) ??
  (values.lifecycleStage as LeadStatus | undefined) ??
  'open-not-contacted';

/**
 * A lead the old system closed: disqualified (with its reason, or a note that none was given), or —
 * from our own export, which names what it became — converted.
 */
function closedLead(lead: Lead, status: LeadStatus, values: FieldValues, at: Instant, actor: UserId): Lead {
  const base = leadBase(lead);
  switch (status) {
    case 'open-not-contacted':
    case 'working-contacted':
      return lead;
    case 'closed-not-converted':
      return withState(base, {
        status,
        disqualificationReason:
          (values.disqualificationReason as string | undefined)?.trim() || NO_DISQUALIFICATION_REASON,
        disqualifiedAt: at,
      });
    case 'closed-converted':
      return withState(
        base,
        definedOnly({
          status,
          convertedAt: (values.convertedAt as Instant | undefined) ?? at,
          convertedBy: actor,
          convertedOrganisationId: values.convertedOrganisationId as Id,
          convertedContactId: values.convertedContactId as Id,
          convertedOpportunityId: values.convertedOpportunityId as Id | undefined,
        }),
      );
    default: {
      const _exhaustive: never = status;
      return _exhaustive;
    }
  }
}

type Band = { readonly from: number; readonly to?: number };

/** The size band a head count (or a band written "51-200") falls in. */
function sizeOf(employees: number | undefined, band: Band | undefined): OrganisationSize | undefined {
  const n = employees ?? band?.from;
  if (n === undefined) return undefined;
  const limits = [10, 50, 200, 1000, 5000];
  const i = limits.findIndex((limit) => n <= limit);
  return ORGANISATION_SIZES[i < 0 ? ORGANISATION_SIZES.length - 1 : i];
}

/** A deal's stage: Pipedrive's won/lost status closes it; else its stage column; else the first open stage. */
function dealStage(values: FieldValues, settings: PipelineSettings): string | undefined {
  if (values.status === 'won') return WON;
  if (values.status === 'lost') return LOST;
  return (values.stage as string | undefined) ?? settings.stages.find((s) => s.kind === 'open')?.id;
}

/** The id of the first reference that names a record. */
function firstFound(values: FieldValues, fields: readonly string[]): Id | undefined {
  for (const field of fields) {
    const ref = values[field] as ImportReference | undefined;
    if (ref && 'id' in ref.found) return ref.found.id;
  }
  return undefined;
}

const FIELD_CODES: Readonly<Record<string, ImportErrorCode>> = {
  too_small: 'required',
  too_big: 'too-long',
};

class Problems {
  private readonly errors: ImportRowError[] = [];

  constructor(private readonly row: number) {}

  any = (): boolean => this.errors.length > 0;

  result(): Built {
    return err(this.errors);
  }

  whole(message: string): Built {
    this.errors.push({ row: this.row, field: '(row)', code: 'invalid', message });
    return err(this.errors);
  }

  fromSchema(error: z.ZodError, values: FieldValues): Built {
    for (const issue of error.issues) {
      const field = String(issue.path[0] ?? '(row)');
      if (field === 'organisationId' && this.errors.some((e) => e.field === 'organisation')) continue;
      const value = values[field];
      const code: ImportErrorCode =
        value === undefined && issue.code === 'invalid_type'
          ? 'required'
          : field === 'email' && issue.code !== 'too_big'
            ? 'invalid-email'
            : (FIELD_CODES[issue.code] ?? 'invalid');
      const message =
        code === 'required'
          ? `${field} is required.`
          : code === 'too-long'
            ? `${field} is longer than ${String((issue as { maximum?: unknown }).maximum)} characters.`
            : `${field} is not valid: ${issue.message}.`;
      this.errors.push({
        row: this.row,
        field,
        code,
        message,
        ...(typeof value === 'string' || typeof value === 'number' ? { value: String(value) } : {}),
      });
    }
    return err(this.errors);
  }

  /** The organisation a contact or deal belongs to: by our id, the export's own id, then name. */
  organisation(values: FieldValues): Id | undefined {
    const found = firstFound(values, ['organisationId', 'organisationExternalId', 'organisation']);
    if (found) return found;
    const given = (['organisationId', 'organisationExternalId', 'organisation'] as const)
      .map((f) => values[f] as ImportReference | undefined)
      .find((r) => r !== undefined);
    if (!given) {
      this.errors.push({
        row: this.row,
        field: 'organisation',
        code: 'required',
        message: 'The row names no organisation; a contact or deal belongs to one.',
      });
      return undefined;
    }
    const ambiguous = 'missing' in given.found && given.found.missing === 'ambiguous';
    this.errors.push({
      row: this.row,
      field: 'organisation',
      code: ambiguous ? 'organisation-ambiguous' : 'organisation-not-found',
      message: ambiguous
        ? 'Several organisations have this name; use the export’s organisation id.'
        : 'No organisation of this workspace has this name or id; import the organisations first.',
      value: given.text,
    });
    return undefined;
  }
}
