import { Router } from 'express';
import { z } from 'zod';
import { answerOtherMethods } from '../http/method-not-allowed';
import { sendTransportError } from '../http/problem';
import type { OperationDoc } from '../openapi/operation-doc';

const READY_TIMEOUT_MS = 3_000;

/** Resolves when storage answers; rejects when it cannot be reached. */
export type ReadinessProbe = () => Promise<void>;

/** `/healthz`: the process answers. `/readyz`: and its storage does too. Neither needs a token. */
export function healthRoutes(probe: ReadinessProbe): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('storage did not answer in time')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([probe(), timeout]);
      res.json({ status: 'ready' });
    } catch (error) {
      req.log.warn({ err: error }, 'not ready');
      sendTransportError(req, res, 'SERVER.NOT_READY', 'Storage cannot be reached.');
    } finally {
      clearTimeout(timer);
    }
  });
  answerOtherMethods(router, '/healthz', ['GET']);
  answerOtherMethods(router, '/readyz', ['GET']);
  return router;
}

/** `/healthz` and `/readyz`, for the OpenAPI document. */
export const HEALTH_OPERATIONS: readonly OperationDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    scope: 'public',
    tag: 'service',
    operationId: 'checkLiveness',
    summary: 'Check that the server process answers',
    description: 'Liveness probe: answers {status: ok} while the process runs. No token.',
    success: {
      status: 200,
      description: 'The process answers',
      schema: z.strictObject({ status: z.literal('ok') }),
    },
  },
  {
    method: 'get',
    path: '/readyz',
    scope: 'public',
    tag: 'service',
    operationId: 'checkReadiness',
    summary: 'Check that the server can reach its storage',
    description:
      'Readiness probe: {status: ready} when storage answers within 3 s, else 503 SERVER.NOT_READY. No token.',
    success: {
      status: 200,
      description: 'Storage answers',
      schema: z.strictObject({ status: z.literal('ready') }),
    },
    errors: { 503: 'SERVER.NOT_READY: storage cannot be reached' },
  },
];
