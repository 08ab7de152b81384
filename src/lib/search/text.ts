/** The text of content entries as one string, for synonyms and simplified forms in the index. */
import type { PledgeData } from '#schemas/pledge.ts';
import type { PostData } from '#schemas/post.ts';
import type { ProcedureData } from '#schemas/procedure.ts';
import { SCOPES } from '#schemas/procedure.ts';
import { showFee, stated, statedList, type FeeShown } from '../format.ts';
import { postLines } from '../posts.ts';

const join = (parts: ReadonlyArray<string | undefined | false>) => parts.filter(Boolean).join(' ');

/** A fee as the guide shows it: each item's name and amount, or the words that stand for them (不收费). */
const feeText = (fee: FeeShown<{ name: string; amount: string }>) => (fee.charged ? fee.items.flatMap((f) => [f.name, f.amount]) : [fee.summary]);

export function procedureText(d: ProcedureData, body = ''): string {
  return join([
    d.name,
    stated(d.summary),
    d.category,
    d.result,
    d.scope && SCOPES[d.scope],
    d.scopeNote,
    ...(d.applicants ?? []),
    ...statedList(d.eligibility),
    ...statedList(d.materials).flatMap((m) => [m.name, m.note, m.condition, ...(m.anyOf ?? []).map((a) => a.name)]),
    ...statedList(d.steps).flatMap((s) => [s.name, s.description, s.condition, ...(s.alternatives ?? []).map((a) => a.name)]),
    ...(d.places ?? []).flatMap((p) => [p.name, p.address, p.note]),
    ...[d.online ?? []].flat().flatMap((o) => [o.label, o.note]),
    d.appointment?.how,
    ...feeText(showFee(d.fee)),
    d.feeNote,
    ...(d.delivery ?? []),
    ...(d.faq ?? []).flatMap((f) => [f.q, f.a]),
    body,
  ]);
}

export function postText(d: PostData): string {
  return join([d.name, ...d.duties, ...postLines(d.requirements), ...postLines(d.timeLimits), ...postLines(d.phrases), ...(d.fiveKnows ?? []), ...(d.fiveUnderstands ?? [])]);
}

export function pledgeText(d: PledgeData): string {
  return join([d.title, ...d.items.flatMap((i) => [i.text, i.evidence, i.deadline === 'standing' ? '长期承诺' : undefined])]);
}
