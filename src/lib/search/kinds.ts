/** What a search result is: the four displays, notices and evaluation results, as citizens name them. */
export const SEARCH_KINDS = ['流程', '身份', '职责', '承诺', '公告', '评价'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What each kind covers, for the filter's labels. */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  流程: '办事指南',
  身份: '工作人员',
  职责: '岗位职责',
  承诺: '服务承诺',
  公告: '公告公示',
  评价: '评价结果',
};

/**
 * How much a match counts by what it is. A citizen searching 挂号 wants the
 * service guide before the people at the registration desk, and those
 * before the desk's duty list or a pledge that mentions registration. A
 * unit's evaluation results (满意率, 好评率) come last: found by those words
 * and the unit's name, they name the services only in passing.
 */
export const KIND_PRIORITY: Record<SearchKind, number> = { 流程: 1.6, 身份: 1.0, 公告: 0.9, 职责: 0.75, 承诺: 0.6, 评价: 0.5 };

/**
 * The same for a query typed in pinyin or initials (dyg, guahao). Only
 * names carry pinyin in the index, so a duties page found that way was
 * found by a post's name, its heading, as a person's page is by theirs:
 * the lower weight of a duty list that mentions a word in passing does not
 * apply, and the post 导医岗 comes before the people who work there (their
 * pages carry the post's pinyin as plain text, IndexOnlyTerms `also`).
 */
export const PINYIN_PRIORITY: Record<SearchKind, number> = { ...KIND_PRIORITY, 职责: KIND_PRIORITY.身份 };

/** The facets of an indexed page: its kind, its unit, and what a result shows. */
export interface SearchFacets {
  kind: SearchKind;
  /** The unit's name, for the unit filter and the result line. */
  unit?: string;
  /** Further result metadata, such as the promised time limit and fee of a service. */
  meta?: Record<string, string>;
}

/**
 * The filter that tells a result's kind to the ranking without its
 * fragment: `rank:<kind>`, given to Pagefind by the indexing step
 * (src/integration/search-index.ts) on every indexed page except people's,
 * the most numerous kind, whose priority is the default. A filter's index
 * lists every page it covers, so leaving people out keeps the part each
 * first query loads small (14 KB → 3 KB on a 300-unit site where most pages
 * are people's); the `kind` filter, over all pages, is only loaded when a
 * citizen filters by kind.
 */
export const RANK_FILTER = 'rank';
/** The kind whose pages carry no rank filter. */
export const UNRANKED_KIND: SearchKind = '身份';
/** The kinds the ranking asks the rank filter about. */
export const RANKED_KINDS: readonly SearchKind[] = SEARCH_KINDS.filter((k) => k !== UNRANKED_KIND);
