/**
 * Scoring the search query table (search-queries.ts): from what the search
 * page showed for each query to recall@1, recall@3 and the zero-result rate
 * per category. Pure: answers in, figures out; the browser run is in
 * src/node/bench/search-quality.ts.
 */
import { QUERY_CATEGORIES, type QueryCase, type QueryCategory } from './search-queries.ts';

/** What the search page showed for a query. */
export interface ShownAnswer {
  query: string;
  /** The results, in order: title and unit. */
  results: ReadonlyArray<{ title: string; unit: string }>;
  /** The page said 没有找到 and showed where to ask instead. */
  noneShown: boolean;
  status: string;
}

/** Whether a result is one of the case's answers. */
export function isAnswer(c: QueryCase, r: { title: string; unit: string }): boolean {
  return c.answers.some((a) => (a.startsWith('unit:') ? r.unit === a.slice(5) : r.title === a));
}

/**
 * The rank (1-based) of the first right answer, or 0 when none is shown.
 * A query the site cannot answer is right at rank 1 when the page says so
 * (没有找到, with the phones), whatever weak matches it lists below.
 */
export function rankOfAnswer(c: QueryCase, shown: ShownAnswer): number {
  if (c.answers.length === 0) return shown.noneShown ? 1 : 0;
  const at = shown.results.findIndex((r) => isAnswer(c, r));
  return at + 1;
}

export interface CategoryFigures {
  category: QueryCategory | 'all';
  label: string;
  queries: number;
  /** Share of queries whose first result is right. */
  recall1: number;
  /** Share of queries with a right answer among the first three. */
  recall3: number;
  /** Share of queries that found no result at all. */
  zero: number;
}

function figures(category: QueryCategory | 'all', label: string, rows: ReadonlyArray<{ c: QueryCase; shown: ShownAnswer }>): CategoryFigures {
  const n = rows.length || 1;
  const ranks = rows.map((r) => rankOfAnswer(r.c, r.shown));
  return {
    category,
    label,
    queries: rows.length,
    recall1: ranks.filter((k) => k === 1).length / n,
    recall3: ranks.filter((k) => k >= 1 && k <= 3).length / n,
    zero: rows.filter((r) => r.shown.results.length === 0).length / n,
  };
}

/** Figures per category, in the table's order, then for every query together. */
export function scoreByCategory(cases: readonly QueryCase[], shown: readonly ShownAnswer[]): CategoryFigures[] {
  const rows = cases.map((c, i) => {
    const s = shown[i];
    if (!s || s.query !== c.query) throw new Error(`no answer recorded for query ${c.query}`);
    return { c, shown: s };
  });
  const out: CategoryFigures[] = [];
  for (const [category, label] of Object.entries(QUERY_CATEGORIES) as Array<[QueryCategory, string]>) {
    const mine = rows.filter((r) => r.c.category === category);
    if (mine.length > 0) out.push(figures(category, label, mine));
  }
  out.push(figures('all', '全部', rows));
  return out;
}

/** The queries whose first result is wrong, worst first (no right answer shown, then a late one). */
export function misses(cases: readonly QueryCase[], shown: readonly ShownAnswer[]): Array<{ c: QueryCase; rank: number; shown: ShownAnswer }> {
  return cases
    .map((c, i) => ({ c, shown: shown[i] as ShownAnswer, rank: rankOfAnswer(c, shown[i] as ShownAnswer) }))
    .filter((m) => m.rank !== 1)
    .sort((a, b) => (a.rank === 0 ? 1000 : a.rank) - (b.rank === 0 ? 1000 : b.rank))
    .reverse();
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);

/** The per-category table as printed by npm run bench. */
export function formatQualityTable(rows: readonly CategoryFigures[]): string {
  const lines = ['类别          查询数  首位正确(R@1)  前三正确(R@3)  无结果'];
  for (const r of rows) {
    lines.push(`${r.label.padEnd(8, '　')}  ${String(r.queries).padStart(6)}  ${pct(r.recall1).padStart(13)}  ${pct(r.recall3).padStart(13)}  ${pct(r.zero).padStart(6)}`);
  }
  return lines.join('\n');
}
