import type { Deps } from '../deps.ts';
import type { Kit } from '../kit.ts';
import type { ClientInfo } from './client-info.ts';
import type { SessionVariables } from './hasura-payload.ts';

/** What a handler gets: the shared dependencies, who is calling, and one `now` for the whole request. */
export interface ActionContext {
  deps: Deps;
  kit: Kit;
  session: SessionVariables;
  client: ClientInfo;
  now: Date;
}
