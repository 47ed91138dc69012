// Prisma's own view of schema.prisma, for tests that compare it with the migrated database.
// We ask the schema engine's WebAssembly build (`@prisma/prisma-schema-wasm`, the module the
// Prisma CLI runs for `prisma generate`) for the DMMF: it works offline and, unlike the generated
// client's `runtimeDataModel`, carries nullability, native types, enum values, indexes and
// relation actions.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { get_dmmf } from '@prisma/prisma-schema-wasm';

export const SCHEMA_PATH = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

export interface DmmfEnum {
  name: string;
  dbName: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

export const loadDatamodel = async (schemaPath = SCHEMA_PATH): Promise<Datamodel> => {
  const prismaSchema = await readFile(schemaPath, 'utf8');
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as { datamodel: Datamodel })
    .datamodel;
};

export const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
export const columnOf = (field: Pick<DmmfField, 'name' | 'dbName'>) => field.dbName ?? field.name;

// Prisma's default Postgres type for each scalar, and what its @db.* native types become, both
// spelled as Postgres's format_type() prints them.
const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Boolean: 'boolean',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Text: () => 'text',
  VarChar: ([n]) => (n ? `character varying(${n})` : 'character varying'),
  Char: ([n]) => `character(${n ?? 1})`,
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  Real: () => 'real',
  DoublePrecision: () => 'double precision',
  Decimal: ([p, s]) => (p ? `numeric(${p},${s ?? 0})` : 'numeric'),
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  Date: () => 'date',
  JsonB: () => 'jsonb',
  Json: () => 'json',
};

/** The Postgres column type Prisma expects for a scalar or enum field. */
export const expectedColumnType = (field: DmmfField, enums: DmmfEnum[]): string => {
  if (field.kind === 'enum') {
    const e = enums.find((x) => x.name === field.type);
    return `enum ${e?.dbName ?? field.type}`;
  }
  const type = field.nativeType
    ? NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1])
    : DEFAULT_TYPES[field.type];
  if (!type)
    throw new Error(`No Postgres type mapping for ${field.name}: add one to prisma-dmmf.ts`);
  return field.isList ? `${type}[]` : type;
};
