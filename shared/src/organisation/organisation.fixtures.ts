import { decideOrganisationCreation } from './create-organisation';
import type { Organisation } from './organisation';
import { OrganisationCreateInputSchema, type OrganisationCreateInput } from './organisation.schema';

/** Shared by this folder's specs: organisations made by the real rule. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const T1 = '2026-03-03T10:30:00.000Z';

export function anOrganisation(input: Partial<OrganisationCreateInput> = {}, id = 'org-1'): Organisation {
  const parsed = OrganisationCreateInputSchema.parse({ name: 'Fjord Fisk AS', ...input });
  const created = decideOrganisationCreation(parsed, { id, workspaceId: 'ws-1', actor: 'alice', now: T0 });
  if (!created.ok) throw new Error('fixture: organisation not created');
  return created.value;
}
