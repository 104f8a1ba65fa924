import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A `use:enhance` callback that reports while the form is being submitted (so its button can say
 * what is happening) and drops a second submit while the first is in flight. The button stays
 * enabled on purpose: a disabled button drops keyboard focus to the page body.
 * `reset: false` keeps typed values, e.g. on profile forms.
 */
export function trackPending(setPending: (pending: boolean) => void, options: { reset?: boolean } = {}): SubmitFunction {
  let inFlight = false;
  return ({ cancel }) => {
    if (inFlight) {
      cancel();
      return;
    }
    inFlight = true;
    setPending(true);
    return async ({ update }) => {
      try {
        await update({ reset: options.reset ?? true });
      } finally {
        inFlight = false;
        setPending(false);
      }
    };
  };
}
