import type { Router } from 'express';
import { sendTransportError } from './problem';

/**
 * Answers every other method on `path` with 405 ROUTE.METHOD_NOT_ALLOWED and `Allow`. Mount it after
 * the path's own routes; the OpenAPI document declares the answer once (MethodNotAllowed).
 */
export function answerOtherMethods(router: Router, path: string, methods: readonly string[]): void {
  const allow = methods.map((m) => m.toUpperCase()).join(', ');
  router.all(path, (req, res) => {
    res.set('Allow', allow);
    sendTransportError(req, res, 'ROUTE.METHOD_NOT_ALLOWED', `Use ${allow} here.`);
  });
}
