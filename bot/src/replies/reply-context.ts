import type { AppDeps, Caller, WorkspaceView } from '@crm/shared/application';
import type { RecordLinks } from '../cards/record-links';
import type { Localized } from '../messages/translator';

/** Who the cards a reply posts refresh themselves for (`refresh.userIds`); undefined: not listed. */
export type Viewers = () => Promise<readonly string[] | undefined>;

/**
 * What a reply is built with, by a command or a card verb alike: who asks, in which workspace, in
 * which language, and who reads the cards it posts.
 */
export type ReplyContext = {
  readonly app: AppDeps;
  readonly caller: Caller;
  readonly workspace: WorkspaceView;
  readonly localized: Localized;
  readonly viewers: Viewers;
  /** Where a card's "Open in Pipeline CRM" goes (none: no button). */
  readonly links?: RecordLinks;
};
