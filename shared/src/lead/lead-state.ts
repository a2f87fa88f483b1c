import type { Lead, LeadBase } from './lead';

/** `Omit` that keeps a union a union (plain `Omit` keeps only the common keys). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The status-specific part of a lead: its status and exactly the data that status carries. */
export type LeadState = DistributiveOmit<Lead, keyof LeadBase>;

/** The lead without its status data, ready to enter another status. */
export function leadBase(lead: Lead): LeadBase {
  switch (lead.status) {
    case 'open-not-contacted':
    case 'working-contacted': {
      const { status: _status, ...base } = lead;
      return base;
    }
    case 'closed-not-converted': {
      const { status: _status, disqualificationReason: _reason, disqualifiedAt: _at, ...base } = lead;
      return base;
    }
    case 'closed-converted': {
      const {
        status: _status,
        convertedAt: _at,
        convertedBy: _by,
        convertedOrganisationId: _org,
        convertedContactId: _contact,
        convertedOpportunityId: _opportunity,
        ...base
      } = lead;
      return base;
    }
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}

export const withState = <S extends LeadState>(base: LeadBase, state: S): LeadBase & S => ({
  ...base,
  ...state,
});
