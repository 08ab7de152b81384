/**
 * A hall screen's check-in. Every screen already asks for its version file
 * every few minutes; the request also says which display is asking and which
 * build it is showing, in the query string. The web server's access log then
 * holds each display's last contact and version, and `npm run screens`
 * reads them back (src/lib/screens/) with no server of our own.
 *
 * Used on both sides: the player adds the parameters, the log reader parses
 * them, so the names cannot drift apart.
 */

/** Query parameter names, short because they fill access logs for months. */
export const CHECK_IN_PARAMS = { display: 'display', shows: 'shows' } as const;

/**
 * A display's own name as the technician set it in the screen's address
 * (`…/kiosk/dating/?display=east-1`): Latin letters, digits, `-` and `_`, up
 * to 40. Anything else is dropped rather than logged: the value ends up in
 * a supervisor's report and must not carry markup or a person's name.
 */
const DISPLAY_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function displayIdFrom(search: string): string | undefined {
  const value = new URLSearchParams(search).get(CHECK_IN_PARAMS.display) ?? '';
  return DISPLAY_ID.test(value) ? value : undefined;
}

/** The version file's address with the display and the version it shows. */
export function checkInUrl(versionUrl: string, check: { display?: string | undefined; shows: string }): string {
  const params = new URLSearchParams();
  if (check.display !== undefined && DISPLAY_ID.test(check.display)) params.set(CHECK_IN_PARAMS.display, check.display);
  params.set(CHECK_IN_PARAMS.shows, check.shows);
  return `${versionUrl}${versionUrl.includes('?') ? '&' : '?'}${params.toString()}`;
}

export interface CheckIn {
  /** The screen (its folder under kiosk/). */
  screen: string;
  display?: string;
  /** The content version the display was showing when it asked. */
  shows?: string;
}

/**
 * Reads a check-in from a request target as logged (`/gongkai/kiosk/dating/version.json?display=east-1&shows=ab12`),
 * under any base path. Undefined for any other request.
 */
export function parseCheckIn(target: string): CheckIn | undefined {
  const [path = '', query = ''] = target.split('?', 2);
  const match = /\/kiosk\/([a-z0-9]+(?:-[a-z0-9]+)*)\/version\.json$/.exec(path);
  if (!match) return undefined;
  const params = new URLSearchParams(query);
  const display = displayIdFrom(query);
  const shows = params.get(CHECK_IN_PARAMS.shows) ?? '';
  return { screen: match[1] as string, ...(display ? { display } : {}), ...(/^[A-Za-z0-9_-]{1,64}$/.test(shows) ? { shows } : {}) };
}
