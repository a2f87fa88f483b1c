import type { TFunction } from 'i18next';
import { errorMessage, isStale } from '../api/api-error';
import type { Notice } from '../app/StateViews';

/**
 * Why an activity was not changed (done, reopened, moved), in the user's words: changed by someone
 * else meanwhile (a warning: reload and retry), or the server's reason. My day and the activities
 * list say it alike.
 */
export const activityRefusal = (error: unknown, subject: string, t: TFunction): Notice =>
  isStale(error)
    ? { intent: 'warning', text: t('myDay.stale', { subject }) }
    : { intent: 'error', text: t('myDay.refused', { subject, reason: errorMessage(error, t) }) };
