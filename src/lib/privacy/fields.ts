/**
 * What the schemas say about a field, for problems found outside schema
 * validation: its Chinese name (`title` in the schema's metadata), and
 * whether it is declared to hold a phone number. Read from the same schemas
 * the site and the checker use.
 */
import { z } from 'astro/zod';
import { metaAt } from '../content/explain.ts';
import { collectionSchema, type CollectionName } from '#schemas/collections.ts';
import { CHANNEL_TYPES, CHANNEL_VALUE_KIND, PHONE_EXPECTED, type ChannelType } from '#schemas/common.ts';
import type { SchemaContext } from '#schemas/context.ts';

type Schema = z.core.$ZodType;

const CONTEXT: SchemaContext<z.ZodString> = { image: () => z.string(), file: () => z.string() };
const schemas = new Map<CollectionName, Schema>();

function schemaOf(collection: CollectionName): Schema {
  let schema = schemas.get(collection);
  if (!schema) {
    schema = collectionSchema(collection, CONTEXT);
    schemas.set(collection, schema);
  }
  return schema;
}

/** The title of the field at `path` in a collection's schema, if it has one. */
export function fieldTitle(collection: CollectionName, path: readonly PropertyKey[]): string | undefined {
  return metaAt(schemaOf(collection), path)?.title;
}

/**
 * True when the field at `path` is declared to hold a phone number: a field
 * the schema types as a phone (a unit's or the site's 咨询电话, a guide's
 * phones.consult and phones.complaint, a post's complaint phone, a staff
 * member's workPhone, a leader's phone), or the value of a supervision
 * channel whose type is a phone (投诉电话, 监督电话, 服务热线). `holder` is
 * the object that holds the field, as written.
 */
export function isPhoneField(collection: CollectionName, path: readonly PropertyKey[], holder: Record<string, unknown> | undefined): boolean {
  if (metaAt(schemaOf(collection), path)?.expected === PHONE_EXPECTED) return true;
  if (path.at(-1) !== 'value' || typeof holder?.['type'] !== 'string') return false;
  const type = holder['type'];
  const key = (type in CHANNEL_TYPES ? type : Object.entries(CHANNEL_TYPES).find(([, label]) => label === type)?.[0]) as ChannelType | undefined;
  return key !== undefined && CHANNEL_VALUE_KIND[key] === 'phone';
}
