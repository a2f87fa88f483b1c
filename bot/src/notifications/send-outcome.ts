import type { SendOutcome } from '@crm/shared/application';
import type { PostResult } from '../teams/teams-poster';

/**
 * What a post to Teams means for the relay: 403 (bot not in the conversation) and 404 (conversation
 * gone) are final; 429 comes back after its Retry-After; 412, 5xx, other refusals and network faults
 * are tried again with backoff.
 */
export function sendOutcomeOf(result: PostResult): SendOutcome {
  if (result.kind === 'sent') return { kind: 'sent' };
  if (result.status === 403 || result.status === 404) return { kind: 'gone', reason: result.reason };
  return {
    kind: 'retry',
    reason: result.reason,
    ...(result.retryAfterMs !== undefined ? { afterMs: result.retryAfterMs } : {}),
  };
}
