/** The small file a screen asks for every few minutes to learn of a new build. */
import type { APIRoute } from 'astro';
import context from 'virtual:siliang/context';
import { screenPaths } from '#components/kiosk/screen-page.ts';
import type { Screen } from '#data/kiosk.ts';
import { screenContent } from '#data/kiosk-content.ts';

export function getStaticPaths() {
  return screenPaths();
}

export const GET: APIRoute = async ({ props }) => {
  const { version } = await screenContent((props as { screen: Screen }).screen);
  return new Response(JSON.stringify({ version, builtAt: context.builtAt }), { headers: { 'content-type': 'application/json' } });
};
