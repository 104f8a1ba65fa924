/** A version of a proof's line, as the viewer lists them. */
export interface ProofVersion {
  id: string;
  version: number;
  status: string;
  superseded_at: string | null;
}

/** The line's current version (the one not superseded), or the newest when none is marked. */
export function currentVersion(versions: readonly ProofVersion[]): ProofVersion | null {
  return versions.find((v) => v.superseded_at === null) ?? [...versions].sort((a, b) => b.version - a.version)[0] ?? null;
}

/** Pages to show: the proof's page count, or one page for a proof whose file is not in the portal. */
export function pageCountOf(proof: { page_count?: number | null }): number {
  return Math.max(1, proof.page_count ?? 1);
}

/** The page asked for in the URL (?page=), within the proof. */
export function pageFromUrl(url: URL, pageCount: number): number {
  const asked = Number(url.searchParams.get('page'));
  return Number.isInteger(asked) && asked >= 1 && asked <= pageCount ? asked : 1;
}
