import { invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';
import { needsReload, type LiveChange } from './live-change.ts';

/** What the "live" indicator shows. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'paused';

export interface LiveUpdatesOptions {
  /** The page's event stream, e.g. `/live/orders/<id>`. */
  path: () => string;
  /** When the page's data was loaded (server time, ISO 8601). */
  loadedAt: () => string;
}

/**
 * Follows a page's event stream and reloads the page's data (no navigation, no reload of the
 * document) when something it shows has changed. Call during component set-up: the stream opens
 * with the component and closes when it goes away or the path changes.
 */
export function liveUpdates(options: LiveUpdatesOptions): { readonly state: LiveState } {
  let state = $state<LiveState>('connecting');
  $effect(() => {
    const path = options.path();
    const seen = new Map<string, string>();
    let source: EventSource | null = null;
    let reloading = false;
    let again = false;
    // One reload at a time; a change seen during one may be newer than what it read, so one more follows.
    const reload = () => {
      // SvelteKit runs an invalidation as a navigation to the current page, which would cancel the
      // one the person just started (a click on a link); the page they are going to loads fresh data.
      if (navigating.to !== null) return;
      if (reloading) {
        again = true;
        return;
      }
      reloading = true;
      void invalidateAll().finally(() => {
        reloading = false;
        if (again) {
          again = false;
          reload();
        }
      });
    };
    const open = () => {
      source?.close();
      source = new EventSource(path);
      source.addEventListener('open', () => (state = 'live'));
      source.addEventListener('error', () => (state = source?.readyState === EventSource.CLOSED ? 'paused' : 'reconnecting'));
      source.addEventListener('change', (message) => {
        const change = JSON.parse((message as MessageEvent<string>).data) as LiveChange;
        const previous = seen.get(change.topic);
        seen.set(change.topic, change.signature);
        if (needsReload(change, previous, options.loadedAt())) reload();
      });
      // The server is about to replace the session's token: reconnect at once, still live.
      source.addEventListener('renew', open);
      source.addEventListener('unavailable', () => {
        source?.close();
        state = 'paused';
      });
    };
    open();
    return () => source?.close();
  });
  return {
    get state() {
      return state;
    },
  };
}
