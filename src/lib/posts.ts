/**
 * What a post's duties card (亮职责) publishes and what its source leaves
 * out. Many real posts publish their duties only: requirements, time
 * limits, service phrases and the complaint desk may be absent or written
 * 未公布 / 待填写. Pages show each such element as not published, and the
 * checker and completeness table (src/lib/content) call `postGaps` to warn
 * about and count them.
 */
import { isNotStated, NOT_STATED, type NotStated } from '#schemas/common.ts';

/** The elements a post should publish beside its duties, in board order, with their Chinese names. */
export const POST_ELEMENTS = {
  requirements: '履职要求',
  timeLimits: '工作时限',
  phrases: '服务用语',
  complaint: '投诉受理',
} as const;
export type PostElement = keyof typeof POST_ELEMENTS;

export interface PostLike {
  requirements?: readonly string[] | NotStated | undefined;
  timeLimits?: readonly string[] | NotStated | undefined;
  phrases?: readonly string[] | NotStated | undefined;
  complaint?: { department: string; phone: string } | NotStated | undefined;
}

/** Why an element is missing: left out of the file, or written 未公布 / 待填写. */
export type GapState = 'absent' | NotStated;

export interface PostGap {
  field: PostElement;
  /** Its Chinese name (履职要求). */
  title: string;
  state: GapState;
}

/** The elements of a post that its source does not give, in board order. */
export function postGaps(post: PostLike): PostGap[] {
  return (Object.keys(POST_ELEMENTS) as PostElement[]).flatMap((field) => {
    const value = post[field];
    if (value !== undefined && !isNotStated(value)) return [];
    return [{ field, title: POST_ELEMENTS[field], state: value === undefined ? ('absent' as const) : value }];
  });
}

/** A list element's lines, or an empty list when the source does not give it. */
export function postLines(value: readonly string[] | NotStated | undefined): readonly string[] {
  return value === undefined || isNotStated(value) ? [] : value;
}

/** The complaint desk, when the source gives one. */
export function postComplaint(post: Pick<PostLike, 'complaint'>): { department: string; phone: string } | undefined {
  const c = post.complaint;
  return c === undefined || isNotStated(c) ? undefined : c;
}

/** How a missing element is shown: 未公布, or 待填写 while it is being entered. */
export function gapLabel(state: GapState): string {
  return state === 'unfilled' ? NOT_STATED.unfilled : NOT_STATED['not-published'];
}

/** The gaps grouped by how they are shown (未公布, then 待填写), each with the elements' names. */
export function groupGaps(gaps: readonly PostGap[]): Array<{ label: string; names: string[] }> {
  return [NOT_STATED['not-published'], NOT_STATED.unfilled]
    .map((label) => ({ label, names: gaps.filter((g) => gapLabel(g.state) === label).map((g) => g.title) }))
    .filter((g) => g.names.length > 0);
}
