import type { DomainEvent } from '../events/domain-event';
import { LOST, WON } from '../opportunity/stage';
import { TOPICS, type Topic } from './team';

/**
 * Whether a channel subscribed to `topics` hears of `event`. A win is told once: channels that hear
 * about wins get the celebratory card instead of the plain move; a loss is told by its own event
 * (it carries the reason), so the move into `closed-lost` is not told at all.
 */
export function hearsOf(event: DomainEvent, topics: readonly Topic[]): boolean {
  const has = (topic: Topic) => topics.includes(topic);
  switch (event.type) {
    case 'lead.converted':
      return has('conversions');
    case 'lead.disqualified':
      return false;
    case 'opportunity.stage-changed':
      if (event.data.to === LOST) return false;
      if (event.data.to === WON) return has('stages') && !has('won');
      return has('stages');
    case 'opportunity.won':
      return has('won');
    case 'opportunity.lost':
      return has('stages');
    case 'opportunity.owner-changed':
      // Only the new owner hears of it, in their personal chat.
      return false;
    case 'activity.morning-digest':
      // A person's own day, in their personal chat only.
      return false;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** `all` or one topic, as a command names it; undefined when it names none. */
export function topicsNamed(word: string | undefined): readonly Topic[] | undefined {
  const w = (word ?? 'all').trim().toLowerCase();
  if (w === 'all' || w === '') return TOPICS;
  return (TOPICS as readonly string[]).includes(w) ? [w as Topic] : undefined;
}
