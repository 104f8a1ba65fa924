import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { AppDeps } from '../app-deps.ts';

/**
 * One log line per request: method, path, status, duration and the error code if any. Bodies and
 * headers are never logged (they carry passwords, tokens, and the client's forwarded Authorization).
 */
export function installRequestLog(app: Express, deps: AppDeps): void {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms), code: res.locals.errorCode };
      if (res.statusCode >= 500) deps.logger.error(line, 'request failed');
      else deps.logger.info(line, 'request');
    });
    next();
  });
}
