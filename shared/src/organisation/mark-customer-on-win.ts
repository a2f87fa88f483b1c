import { touched, type ChangeContext } from '../common/record-change';
import type { Organisation } from './organisation';

/**
 * A won deal makes a prospect (or a former customer, back again) a customer. Partners and suppliers
 * keep the relationship they have. Undefined means there is nothing to write.
 */
export function markCustomerOnWin(organisation: Organisation, ctx: ChangeContext): Organisation | undefined {
  switch (organisation.status) {
    case 'prospect':
    case 'former-customer':
      return touched<Organisation>({ ...organisation, status: 'customer' }, ctx);
    case 'customer':
    case 'partner':
    case 'supplier':
      return undefined;
    default: {
      const _exhaustive: never = organisation.status;
      return _exhaustive;
    }
  }
}
