import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A `use:enhance` callback that reports while the form is being submitted (to disable its button
 * and say what is happening). `reset: false` keeps typed values, e.g. on profile forms.
 */
export function trackPending(setPending: (pending: boolean) => void, options: { reset?: boolean } = {}): SubmitFunction {
  return () => {
    setPending(true);
    return async ({ update }) => {
      try {
        await update({ reset: options.reset ?? true });
      } finally {
        setPending(false);
      }
    };
  };
}
