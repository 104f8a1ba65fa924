import { goto } from '$app/navigation';

/**
 * The submit handler of a list's GET filter form: with JavaScript, navigate client-side to the
 * tidy address `hrefFor` makes of the form's values (no empty parameters), keeping focus on the
 * button. Without JavaScript the browser submits the form as it is.
 */
export function filterNavigation(hrefFor: (params: URLSearchParams) => string) {
  return (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>);
    void goto(hrefFor(params), { keepFocus: true, noScroll: true });
  };
}
