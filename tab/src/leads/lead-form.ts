import { schemaErrors } from '../records/schema-errors';
import { LeadCreateInputSchema, type LeadCreateInput, type LeadSource } from '@crm/shared';

export const LEAD_FORM_FIELDS = ['firstName', 'lastName', 'company', 'email', 'phone', 'title'] as const;
export type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];
export type LeadFormValues = Record<LeadFormField, string> & { source: LeadSource };

export const EMPTY_LEAD_FORM: LeadFormValues = {
  firstName: '',
  lastName: '',
  company: '',
  email: '',
  phone: '',
  title: '',
  source: 'other',
};

export type LeadFormResult =
  | { readonly ok: true; readonly input: LeadCreateInput }
  | { readonly ok: false; readonly errors: Partial<Record<string, string>> };

/** Validates with the server's own schema; each field's first issue becomes a translation key. */
export function validateLeadForm(values: LeadFormValues): LeadFormResult {
  const parsed = LeadCreateInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: schemaErrors(parsed.error.issues) };
}
