import type { Localized } from '../messages/translator';
import { adaptiveCard, execute, note, title, type AdaptiveCard } from './adaptive-card';

export type PickItem = {
  readonly label: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
};

/** Buttons Teams shows in one row before "more" folds them away. */
export const PICK_MAX = 5;

/** Several records matched: one button each (at most five; more asks for a narrower search). */
export function pickCard(
  { t }: Localized,
  heading: string,
  items: readonly PickItem[],
  more: boolean,
): AdaptiveCard {
  return adaptiveCard([title(heading), ...(more ? [note(t('pick.more', { count: PICK_MAX }))] : [])], {
    actions: items.slice(0, PICK_MAX).map((i) => execute(i.label, i.verb, i.data)),
  });
}
