import type { AppDeps } from '../app-deps.ts';
import type { KeyedServices } from '../keyed-services.ts';
import type { ClientInfo } from './client-info.ts';
import type { SessionVariables } from './hasura-payload.ts';

/**
 * What a handler gets: the app's dependencies and keyed services (both shared by every request),
 * who is calling, and one `now` for the whole request.
 */
export interface ActionContext {
  deps: AppDeps;
  services: KeyedServices;
  session: SessionVariables;
  client: ClientInfo;
  now: Date;
}
