/** What every playlist slide passes to its frame, and how slides are named. */
import type { When } from '#schemas/screen.ts';

/** The player's attributes of a playlist slide: id, seconds per screen, schedule. */
export interface FrameInfo {
  id: string;
  duration: number;
  when?: When | undefined;
}

/** The words that name a slide: its heading, and its `aria-label` spelled the same way. */
export function slideLabel(who: string | undefined, what: string, name?: string): string {
  const head = who ? `${who} · ${what}` : what;
  return name ? `${head}：${name}` : head;
}

/** This year's pledges, or the newest year's when none is dated this year yet (as the wall board does). */
export function currentPledges<P extends { data: { year: number } }>(pledges: readonly P[], today: string): P[] {
  const thisYear = Number(today.slice(0, 4));
  const year = pledges.some((p) => p.data.year === thisYear) ? thisYear : Math.max(...pledges.map((p) => p.data.year));
  return pledges.filter((p) => p.data.year === year);
}
