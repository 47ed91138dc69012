// Reads what a Postgres database actually contains (public schema): tables, columns, enums,
// indexes and foreign keys, straight from the system catalogs.
import pg from 'pg';

export interface ColumnInfo {
  table: string;
  column: string;
  /** format_type() spelling, or `enum <type name>` for enum columns. */
  type: string;
  notNull: boolean;
}
export interface IndexInfo {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
}
export interface ForeignKeyInfo {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** pg_constraint action codes: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
  onUpdate: string;
}
export interface DatabaseInfo {
  tables: string[];
  columns: ColumnInfo[];
  enums: Record<string, string[]>;
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
}

const COLUMNS = `
SELECT c.relname AS table, a.attname AS column, a.attnotnull AS "notNull",
       CASE WHEN t.typtype = 'e' THEN 'enum ' || t.typname
            ELSE format_type(a.atttypid, a.atttypmod) END AS type
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`;

const ENUMS = `
SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'public'
GROUP BY t.typname`;

const INDEXES = `
SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
       array_agg(a.attname::text ORDER BY k.ord) AS columns
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
WHERE n.nspname = 'public'
GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`;

const attnames = (rel: string, keys: string) => `(
  SELECT array_agg(a.attname::text ORDER BY k.ord)
  FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum)`;

const FOREIGN_KEYS = `
SELECT cl.relname AS table, con.conname AS name, ref.relname AS "refTable",
       ${attnames('con.conrelid', 'con.conkey')} AS columns,
       ${attnames('con.confrelid', 'con.confkey')} AS "refColumns",
       con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
FROM pg_constraint con
JOIN pg_class cl ON cl.oid = con.conrelid
JOIN pg_class ref ON ref.oid = con.confrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
WHERE con.contype = 'f' AND n.nspname = 'public'`;

export const introspectDatabase = async ({ url }: { url: string }): Promise<DatabaseInfo> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    const columns = await client.query<ColumnInfo>(COLUMNS);
    const enums = await client.query<{ name: string; values: string[] }>(ENUMS);
    const indexes = await client.query<IndexInfo>(INDEXES);
    const foreignKeys = await client.query<ForeignKeyInfo>(FOREIGN_KEYS);
    return {
      tables: tables.rows.map((r) => r.tablename),
      columns: columns.rows,
      enums: Object.fromEntries(enums.rows.map((r) => [r.name, r.values])),
      indexes: indexes.rows,
      foreignKeys: foreignKeys.rows,
    };
  } finally {
    await client.end();
  }
};
