import { errorKind, type DomainError, type ErrorKind } from '@crm/shared';
import type { MessageKey } from './locales/en';
import type { Translate } from './translator';

/** Every kind of expected failure, once, as chat text. The code's developer message never reaches the chat. */
const BY_KIND: { readonly [K in ErrorKind]: MessageKey } = {
  invalid: 'error.invalid',
  stale: 'error.stale',
  'precondition-required': 'error.stale',
  conflict: 'error.conflict',
  'not-found': 'error.notFound',
  forbidden: 'error.forbidden',
  gone: 'error.gone',
};

/** Not-found and not-a-member read alike (`WORKSPACE.NOT_FOUND` covers both): outsiders learn nothing. */
export const errorMessageKey = (error: Pick<DomainError, 'code'>): MessageKey =>
  BY_KIND[errorKind(error.code)];

export const errorText = (t: Translate, error: Pick<DomainError, 'code'>): string =>
  t(errorMessageKey(error));
