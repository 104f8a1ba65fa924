/** A header link; the area's home is matched exactly, a section also on the pages below it. */
export interface NavLink {
  href: string;
  label: string;
}

/**
 * The link to mark as the current page: the longest href that is the path itself or a folder
 * above it, so /staff/orders/… marks Orders rather than the /staff dashboard, and /profile/security
 * marks Security rather than Profile.
 */
export function currentLink(pathname: string, links: readonly NavLink[]): string | null {
  let best: string | null = null;
  for (const { href } of links) {
    const matches = pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
