/**
 * What `/data/` holds and how others find it: the file names, a catalogue
 * in the W3C DCAT vocabulary (as JSON-LD, which data portals harvest) with
 * each file's update date, and a JSON Schema for each kind of record, made
 * from the content schemas (src/schemas/) so that a field added there is
 * described here without anyone writing it twice.
 */
import { z } from 'astro/zod';
import { collectionSchema, type CollectionName } from '#schemas/collections.ts';
import type { SiteModel } from '../model.ts';
import { absoluteUrl } from '../urls.ts';
import { DATASET_TITLES, DATASET_TYPES, datasetRecords, datasetUpdated, type DatasetType, type OpenDataOptions } from './records.ts';

/** Site paths of the data files (under the base path, like `paths` in ../urls.ts). */
export const dataPaths = {
  page: () => 'data/',
  catalogue: () => 'data/catalog.json',
  unit: (unit: string) => `data/units/${unit}.json`,
  csv: (type: DatasetType) => `data/${type}.csv`,
  schema: (name: DatasetType | 'unit-document') => `data/schemas/${name}.json`,
};

type JsonSchema = Record<string, unknown>;

const COLLECTION_OF: Record<DatasetType, CollectionName> = {
  units: 'units',
  procedures: 'procedures',
  posts: 'posts',
  staff: 'staff',
  pledges: 'pledges',
  evaluations: 'evaluations',
  notices: 'notices',
};

const text = (title: string): JsonSchema => ({ type: 'string', title });
const HEAD: JsonSchema = {
  id: text('编号：内容文件夹里的位置（单位/文件名）'),
  unit: text('所属单位的文件夹名'),
  url: { type: 'string', format: 'uri', title: '网页地址' },
  updated: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: '更新日期' },
};
const anyObject: JsonSchema = { type: 'object' };
/** What the site works out for a record beside its content. */
const DERIVED: Record<DatasetType, JsonSchema> = {
  units: { effective: { ...anyObject, title: '实际适用的电话、办公时间和监督渠道（单位没写时用全站的）' } },
  procedures: { effective: { ...anyObject, title: '实际适用的地点、办公时间、咨询和投诉电话（事项没写时用单位或全站的）' } },
  posts: { staff: { type: 'array', items: { type: 'string' }, title: '在岗人员姓名（按隐私设置）' } },
  staff: { postName: text('岗位名称') },
  pledges: {
    pledger: text('承诺人'),
    counts: { type: 'object', additionalProperties: { type: 'integer' }, title: '各状态的条数' },
    overdue: { type: 'integer', title: '逾期未兑现的条数' },
  },
  evaluations: {
    names: { type: 'object', additionalProperties: { type: 'string' }, title: '获奖和参评人员的称呼' },
    belowThreshold: { type: 'boolean', title: '满意度是否低于警戒线' },
  },
  notices: { state: { type: 'string', enum: ['published', 'open', 'ended', 'scheduled'], title: '公示状态' } },
};

/** The unit's head as the data files give it: without a name under 只公开岗位 (src/lib/privacy/tiers.ts), by position alone. */
function headByPosition(head: JsonSchema | undefined): JsonSchema | undefined {
  if (!head) return head;
  const name = (head.properties as Record<string, JsonSchema> | undefined)?.name;
  return {
    ...head,
    ...(name ? { properties: { ...(head.properties as JsonSchema), name: { ...name, description: '网站只公开岗位的单位不公开负责人姓名，没有这一项' } } } : {}),
    required: ((head.required as string[] | undefined) ?? []).filter((r) => r !== 'name'),
  };
}

/**
 * The JSON Schema of one record of `type` in the data files: the content
 * schema's fields as parsed (pictures as addresses; staff photos left out),
 * the site's additions, and no field besides.
 */
export function recordSchema(type: DatasetType, siteUrl: string): JsonSchema {
  const content = z.toJSONSchema(collectionSchema(COLLECTION_OF[type], { image: () => z.string() }), {
    target: 'draft-2020-12',
    // What the data files hold: values after parsing (labels turned into keys, defaults filled in).
    io: 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
  const properties = { ...HEAD, ...(content.properties as JsonSchema), ...DERIVED[type] };
  let required = ((content.required as string[] | undefined) ?? []).concat('id');
  if (type === 'staff') {
    delete properties.photo;
    required = required.filter((r) => r !== 'photo');
  }
  if (type === 'units') properties.head = headByPosition(properties.head as JsonSchema | undefined);
  return {
    ...content,
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(siteUrl, dataPaths.schema(type)),
    title: `${DATASET_TITLES[type]}（开放数据的一条记录）`,
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}

/** The JSON Schema of `/data/units/<unit>.json`, pointing at the record schemas. */
export function unitDocumentSchema(siteUrl: string): JsonSchema {
  const ref = (type: DatasetType) => ({ $ref: absoluteUrl(siteUrl, dataPaths.schema(type)) });
  const list = (type: DatasetType) => ({ type: 'array', items: ref(type), title: DATASET_TITLES[type] });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(siteUrl, dataPaths.schema('unit-document')),
    title: '一个窗口单位的全部公开信息',
    type: 'object',
    properties: {
      organisation: text('机构名称'),
      updated: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: '更新日期：本单位及其所有内容中最近的一次更新（不是生成这个文件的日期）' },
      unit: ref('units'),
      ...Object.fromEntries(DATASET_TYPES.filter((t) => t !== 'units').map((t) => [t, list(t)])),
    },
    required: ['organisation', 'unit', ...DATASET_TYPES.filter((t) => t !== 'units')],
    additionalProperties: false,
  };
}

/** Every record schema by the name its file has. */
export function allSchemas(siteUrl: string): Map<DatasetType | 'unit-document', JsonSchema> {
  const schemas = new Map<DatasetType | 'unit-document', JsonSchema>(DATASET_TYPES.map((t) => [t, recordSchema(t, siteUrl)]));
  schemas.set('unit-document', unitDocumentSchema(siteUrl));
  return schemas;
}

/** One file of the catalogue, as the open data page lists it too. */
export interface DataFile {
  title: string;
  path: string;
  mediaType: 'text/csv' | 'application/json';
  schema: string;
  updated: string | undefined;
}

/** Every data file: one CSV per type, one JSON per unit. */
export function dataFiles(site: SiteModel<unknown>, options: OpenDataOptions): { csv: DataFile[]; units: DataFile[] } {
  const csv = DATASET_TYPES.map((type) => ({
    title: `${DATASET_TITLES[type]}（全部单位）`,
    path: dataPaths.csv(type),
    mediaType: 'text/csv' as const,
    schema: dataPaths.schema(type),
    updated: datasetUpdated(datasetRecords(site, type, options)),
  }));
  const units = site.units.map((u) => ({
    title: u.data.name,
    path: dataPaths.unit(u.id),
    mediaType: 'application/json' as const,
    schema: dataPaths.schema('unit-document'),
    updated: u.updated,
  }));
  return { csv, units };
}

/**
 * `/data/catalog.json`: a DCAT catalogue (JSON-LD) of the data files, each
 * with its title, update date, format, download address and schema.
 */
export function catalogue(site: SiteModel<unknown>, options: OpenDataOptions): JsonSchema {
  const url = (path: string) => absoluteUrl(options.siteUrl, path);
  const { csv, units } = dataFiles(site, options);
  const publisher = { '@type': 'foaf:Organization', 'foaf:name': site.site.name };
  const dataset = (f: DataFile, description: string) => ({
    '@type': 'dcat:Dataset',
    'dct:identifier': f.path,
    'dct:title': f.title,
    'dct:description': description,
    'dct:publisher': publisher,
    'dct:language': { '@id': 'http://id.loc.gov/vocabulary/iso639-1/zh' },
    ...(f.updated ? { 'dct:modified': { '@value': f.updated, '@type': 'xsd:date' } } : {}),
    'dcat:distribution': {
      '@type': 'dcat:Distribution',
      'dcat:downloadURL': { '@id': url(f.path) },
      'dcat:mediaType': f.mediaType,
      'dct:conformsTo': { '@id': url(f.schema) },
      ...(f.mediaType === 'text/csv' ? { 'dct:description': 'UTF-8（带 BOM，Excel 可直接打开）' } : {}),
    },
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': url(dataPaths.catalogue()),
    '@type': 'dcat:Catalog',
    'dct:title': `${site.site.name} 开放数据`,
    'dct:publisher': publisher,
    'foaf:homepage': { '@id': url(dataPaths.page()) },
    ...(site.updated ? { 'dct:modified': { '@value': site.updated, '@type': 'xsd:date' } } : {}),
    'dcat:dataset': [
      ...csv.map((f) => dataset(f, `${f.title}，每行一条，CSV 表格`)),
      ...units.map((f) => dataset(f, `${f.title}的办事指南、岗位、工作人员、服务承诺、评价结果和公告，JSON`)),
    ],
  };
}
