/**
 * The Chinese name of a field (`title` in the schema's metadata), for
 * problems found outside schema validation. Read from the same schemas the
 * site and the checker use.
 */
import { z } from 'astro/zod';
import { metaAt } from '../content/explain.ts';
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.ts';
import type { SchemaContext } from '../../schemas/context.ts';

type Schema = z.core.$ZodType;

const CONTEXT: SchemaContext = { image: () => z.string(), file: () => z.string() };
const schemas = new Map<CollectionName, Schema>();

function schemaOf(collection: CollectionName): Schema {
  let schema = schemas.get(collection);
  if (!schema) {
    schema = (COLLECTIONS[collection].schema as (ctx: SchemaContext) => Schema)(CONTEXT);
    schemas.set(collection, schema);
  }
  return schema;
}

/** The title of the field at `path` in a collection's schema, if it has one. */
export function fieldTitle(collection: CollectionName, path: readonly PropertyKey[]): string | undefined {
  return metaAt(schemaOf(collection), path)?.title;
}
