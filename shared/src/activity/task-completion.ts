import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import type { ActivityType } from './activity';

/**
 * Only a task is done or not; a call or a meeting that is logged has happened. A task is open until
 * marked done. Returns the `completed` the record keeps (absent for other types).
 */
export function completionFor(
  type: ActivityType,
  current: boolean | undefined,
  given: boolean | undefined,
): Result<boolean | undefined> {
  switch (type) {
    case 'task':
      return ok(given ?? current ?? false);
    case 'call':
    case 'email':
    case 'meeting':
    case 'note':
      return given === undefined
        ? ok(undefined)
        : err(
            domainError('VALIDATION.FAILED', `Only a task can be completed, not a ${type}.`, {
              fields: { completed: 'only for tasks' },
            }),
          );
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}
