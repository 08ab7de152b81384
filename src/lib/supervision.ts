/**
 * Complaint and supervision channels as shown on every page: the site's
 * defaults, with a unit's own channels added in front or replacing them.
 */
import { CHANNEL_TYPES, CHANNEL_VALUE_KIND, type ChannelType } from '#schemas/common.ts';

export interface ChannelInput {
  type: ChannelType;
  name?: string | undefined;
  value: string;
  hours?: string | undefined;
  note?: string | undefined;
}

export interface Channel {
  type: ChannelType;
  /** What the channel is called on the board: its name, or the name of its type. */
  label: string;
  value: string;
  /** A link that opens it: tel:, mailto:, or the web address. Undefined for places. */
  href?: string;
  hours?: string;
  note?: string;
}

/** tel: link for a phone number as printed ("0571-8888 6666 转 2" → tel:057188886666,2). */
export function telHref(phone: string): string {
  const [main, extension] = phone.split('转');
  const digits = (main ?? '').replace(/[^\d+]/g, '');
  return `tel:${digits}${extension ? `,${extension.replace(/\D/g, '')}` : ''}`;
}

export function toChannel(input: ChannelInput): Channel {
  const kind = CHANNEL_VALUE_KIND[input.type];
  const href =
    kind === 'phone'
      ? telHref(input.value)
      : kind === 'email'
        ? `mailto:${input.value}`
        : kind === 'url' || (kind === 'any' && /^https?:\/\//.test(input.value))
          ? input.value
          : kind === 'any' && /^[^@\s]+@[^@\s]+$/.test(input.value)
            ? `mailto:${input.value}`
            : undefined;
  return {
    type: input.type,
    label: input.name ?? CHANNEL_TYPES[input.type],
    value: input.value,
    ...(href ? { href } : {}),
    ...(input.hours ? { hours: input.hours } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
}

/**
 * The channels shown for a unit. With `mode: add` the unit's own come first
 * and the site's follow, skipping any the unit already lists.
 */
export function resolveChannels(site: readonly ChannelInput[], unit?: { mode: 'add' | 'replace'; channels: readonly ChannelInput[] }): Channel[] {
  if (!unit) return site.map(toChannel);
  if (unit.mode === 'replace') return unit.channels.map(toChannel);
  const own = unit.channels.map(toChannel);
  const seen = new Set(own.map((c) => `${c.type}|${c.value}`));
  return [...own, ...site.map(toChannel).filter((c) => !seen.has(`${c.type}|${c.value}`))];
}

/** The complaint phone to print on a service guide: a complaint line first, then a supervision line, then a hotline. */
export function complaintPhone(channels: readonly Channel[]): string | undefined {
  for (const type of ['complaint-phone', 'supervision-phone', 'hotline'] as const) {
    const found = channels.find((c) => c.type === type);
    if (found) return found.value;
  }
  return undefined;
}
