import {
  OpportunityCreateInputSchema,
  OpportunityPatchInputSchema,
  type Opportunity,
  type OpportunityCreateInput,
} from '@crm/shared';
import { validateWith } from '../records/validate';

/** The form's fields, in order; every value is the text the user typed or picked. */
export const OPPORTUNITY_FORM_FIELDS = [
  'name',
  'organisationId',
  'amount',
  'currency',
  'closeDate',
  'stage',
  'ownerId',
  'nextStep',
  'lostReason',
] as const;
export type OpportunityFormField = (typeof OPPORTUNITY_FORM_FIELDS)[number];
export type OpportunityFormValues = Record<OpportunityFormField, string>;

export const emptyOpportunityForm = (defaults: Partial<OpportunityFormValues>): OpportunityFormValues => ({
  name: '',
  organisationId: '',
  amount: '',
  currency: '',
  closeDate: '',
  stage: '',
  ownerId: '',
  nextStep: '',
  lostReason: '',
  ...defaults,
});

export const opportunityFormOf = (o: Opportunity): OpportunityFormValues => ({
  name: o.name,
  organisationId: o.organisationId,
  amount: o.amount === undefined ? '' : String(o.amount),
  currency: o.currency,
  closeDate: o.closeDate ?? '',
  stage: o.stage,
  ownerId: o.ownerId,
  nextStep: o.nextStep ?? '',
  lostReason: o.lostReason ?? '',
});

export type FormResult<T> =
  | { readonly ok: true; readonly input: T }
  | { readonly ok: false; readonly errors: Partial<Record<string, string>> };

/** Fields the schema requires: sent blank, so the schema says "required" rather than "invalid". */
const REQUIRED: ReadonlySet<OpportunityFormField> = new Set(['name', 'organisationId']);

/** Typed text: an amount is a number, a blank optional field is left out. */
function typed(values: OpportunityFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of OPPORTUNITY_FORM_FIELDS) {
    const value = values[field].trim();
    if (value === '' && !REQUIRED.has(field)) continue;
    out[field] = field === 'amount' ? Number(value.replace(',', '.')) : value;
  }
  return out;
}

/** A new opportunity, checked with the server's own schema before anything is sent. */
export function validateNewOpportunity(values: OpportunityFormValues): FormResult<OpportunityCreateInput> {
  const checked = validateWith(OpportunityCreateInputSchema, typed(values));
  return checked.ok ? { ok: true, input: checked.value as OpportunityCreateInput } : checked;
}

/**
 * The changed fields of an existing opportunity as a PATCH body; a cleared field is sent as null.
 * Moving a closed deal to another stage from this form is the user's deliberate reopening.
 */
export function validateOpportunityChange(
  before: Opportunity,
  values: OpportunityFormValues,
): FormResult<Record<string, unknown>> {
  const was = opportunityFormOf(before);
  const now = typed(values);
  const patch: Record<string, unknown> = {};
  for (const field of OPPORTUNITY_FORM_FIELDS) {
    if (values[field].trim() === was[field]) continue;
    patch[field] = now[field] ?? null;
  }
  if (patch.stage !== undefined && before.closedAt !== undefined) patch.reopen = true;
  const checked = validateWith(OpportunityPatchInputSchema, patch);
  return checked.ok ? { ok: true, input: patch } : checked;
}
