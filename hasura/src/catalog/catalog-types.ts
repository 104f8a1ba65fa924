/** What the engine knows about the database, read from pg_catalog. */

export interface CatalogColumn {
  name: string;
  /** pg_type.typname, e.g. `int4`, `timestamptz`, `_text` for text[]. */
  type: string;
  typeSchema: string;
  /** pg_type.typcategory: N numeric, S string, A array, B boolean, D date/time, U user, … */
  category: string;
  /** For arrays, the element's typname. */
  elementType: string | null;
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
  position: number;
  comment: string | null;
}

export interface CatalogConstraint {
  name: string;
  columns: string[];
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface CatalogTable {
  schema: string;
  name: string;
  /** pg_class.relkind: r table, v view, m materialized view, p partitioned, f foreign. */
  kind: string;
  comment: string | null;
  columns: CatalogColumn[];
  primaryKey: CatalogConstraint | null;
  uniqueConstraints: CatalogConstraint[];
  foreignKeys: CatalogForeignKey[];
}

export type Catalog = Map<string, CatalogTable>;

export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}
