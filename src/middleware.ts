/**
 * Every page Astro renders passes through here once, at build time: phone
 * numbers, times, amounts, codes and e-mail addresses in its text are kept
 * on one line, and web addresses break only after a slash (src/lib/no-break.ts).
 * Doing it here reaches every output, Markdown bodies included, instead of
 * relying on each component to remember.
 */
import { defineMiddleware } from 'astro:middleware';
import { keepTogether } from '#lib/no-break.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(keepTogether(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
