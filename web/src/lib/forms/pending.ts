import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A `use:enhance` callback that reports while the form is being submitted (so its button can say
 * what is happening) and drops a second submit while the first is in flight. The button stays
 * enabled on purpose: a disabled button drops keyboard focus to the page body.
 * `reset: false` keeps typed values, e.g. on profile forms. `reload: true` follows a redirect with a
 * full page load rather than a client-side one: for a change the page as already loaded in the
 * browser cannot show, such as signing in (the page's language becomes the account's) or saving a
 * new language.
 */
export function trackPending(setPending: (pending: boolean) => void, options: { reset?: boolean; reload?: boolean } = {}): SubmitFunction {
  let inFlight = false;
  return ({ cancel }) => {
    if (inFlight) {
      cancel();
      return;
    }
    inFlight = true;
    setPending(true);
    return async ({ result, update }) => {
      try {
        if (options.reload && result.type === 'redirect') {
          window.location.assign(result.location);
          return;
        }
        await update({ reset: options.reset ?? true });
      } finally {
        inFlight = false;
        setPending(false);
      }
    };
  };
}
