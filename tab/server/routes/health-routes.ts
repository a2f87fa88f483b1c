import { Router } from 'express';
import { sendTransportError } from '../http/problem';

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
  return router;
}
