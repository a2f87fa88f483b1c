import { activityDoneVerb } from './activity-done.verb';
import { activitySnoozeVerb } from './activity-snooze.verb';
import { dayShowVerb } from './day-show.verb';
import { dealMoveVerb } from './deal-move.verb';
import { dealShowVerb } from './deal-show.verb';
import { leadConvertVerb } from './lead-convert.verb';
import { leadDisqualifyVerb } from './lead-disqualify.verb';
import { leadQualifyVerb } from './lead-qualify.verb';
import { leadShowVerb } from './lead-show.verb';
import type { CardVerb } from './verb';

/**
 * Every record verb a card's `Action.Execute` sends, by name, one file each. A retried,
 * double-clicked or concurrent press changes nothing twice (versions and idempotency keys in the use
 * cases) and a stale card shows the fresh state. `workspace.pick`, which re-runs a message in the
 * workspace picked, belongs to the conversation (conversation/handle-card-action.ts).
 */
export const CARD_VERBS: ReadonlyMap<string, CardVerb> = new Map([
  ['lead.show', leadShowVerb],
  ['lead.qualify', leadQualifyVerb],
  ['lead.convert', leadConvertVerb],
  ['lead.disqualify', leadDisqualifyVerb],
  ['deal.show', dealShowVerb],
  ['deal.move', dealMoveVerb],
  ['day.show', dayShowVerb],
  ['activity.done', activityDoneVerb],
  ['activity.snooze', activitySnoozeVerb],
]);
