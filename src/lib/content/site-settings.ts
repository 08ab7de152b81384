/**
 * The few settings from site.yaml that Astro needs before it builds anything:
 * the public address, the base path, the time zone, and whether the photo
 * step may publish every staff photo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { siteSchema } from '#schemas/site.ts';
import { anyStaffHidden } from '../privacy/tiers.ts';
import { readYamlSource } from './source.ts';

export interface SiteSettings {
  /** Public address of the home page, always ending in `/`. */
  url: string;
  /** Path the site is served under, `/` or like `/gongkai/`. */
  base: string;
  timezone: string;
  /** Whether a privacy tier keeps some unit's staff photos or details off the web (src/lib/privacy/tiers.ts). */
  staffHidden: boolean;
}

/** Ensures a leading and a trailing slash: `gongkai` → `/gongkai/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Reads site.yaml; `undefined` when it is missing or invalid (the content
 * checker reports why). `baseOverride` serves a preview under another path.
 */
export function readSiteSettings(contentDir: string, baseOverride?: string): SiteSettings | undefined {
  const file = ['site.yaml', 'site.yml'].map((f) => join(contentDir, f)).find((f) => existsSync(f));
  if (!file) return undefined;
  const source = readYamlSource('site.yaml', readFileSync(file, 'utf8'));
  const parsed = siteSchema({ image: () => z.string() }).safeParse(source.data);
  if (!parsed.success) return undefined;
  const url = new URL(parsed.data.url);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const base = normaliseBase(baseOverride ?? parsed.data.base ?? url.pathname);
  return { url: url.href, base, timezone: parsed.data.timezone, staffHidden: anyStaffHidden(parsed.data.privacy) };
}
