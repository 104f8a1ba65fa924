import type { Logger } from 'pino';
import type { EngineApi } from '$lib/server/engine/run-operation.ts';
import type { RequestApi } from '$lib/server/request-locals.ts';
import type { RequestSession } from '$lib/server/session/request-session.ts';
import type { PublicUser } from '$lib/user.ts';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** The request's session, resolved once in hooks.server.ts (tokens stay on the server). */
      session: RequestSession;
      /** Signed-in GraphQL operations. */
      api: RequestApi;
      /** Operations of the anonymous role (sign-in, registration, password reset). */
      anonymousApi: EngineApi;
      /** Portal slug for sign-in and registration, when configured. */
      tenant: string | undefined;
      logger: Logger;
    }
    interface PageData {
      user: PublicUser | null;
    }
  }
}

export {};
