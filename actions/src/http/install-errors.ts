import type { Express, NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { ActionError } from '../errors/action-error.ts';
import { databaseRefusal } from '../errors/database-error.ts';

function asActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error;
  const status = (error as { status?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return new ActionError('BAD_REQUEST', { detail: `body parser: ${type}` });
  }
  return databaseRefusal(error) ?? new ActionError('INTERNAL', { cause: error });
}

/**
 * Unknown paths become NOT_FOUND; every error is answered in Hasura's action error shape
 * (`{message, extensions: {code}}`) with the catalogue's status. Unexpected errors are logged with
 * their stack and answered generically.
 */
export function installErrorHandler(app: Express, deps: AppDeps): void {
  app.use((_req: Request, _res: Response, next: NextFunction) => {
    next(new ActionError('NOT_FOUND'));
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const actionError = asActionError(error);
    res.locals.errorCode = actionError.code;
    const context = { requestId: res.locals.requestId, path: req.path, code: actionError.code, detail: actionError.detail };
    if (actionError.code === 'INTERNAL') deps.logger.error({ ...context, err: actionError.cause }, 'unexpected error');
    else deps.logger.info(context, 'action refused');
    res.status(actionError.status).json(actionError.toResponseBody());
  });
}
