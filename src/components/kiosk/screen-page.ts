/**
 * What the pages of a hall screen start from: one page per screen (the
 * screen's page and its version file), and the configuration its player
 * reads. Build time only.
 */
import context from 'virtual:siliang/context';
import { href } from '#data/links.ts';
import { loadScreens, type Screen } from '#data/kiosk.ts';
import { t } from '#i18n/index.ts';
import { holidayCalendar } from '#data/holidays.ts';
import { formatDate } from '#lib/dates.ts';
import { screenCalendar } from '#lib/kiosk/calendar.ts';
import type { KioskConfig } from '#lib/kiosk/config.ts';
import { paths } from '#lib/urls.ts';

/** `getStaticPaths` of every page made per screen: the screen's id in the address, the screen itself as a prop. */
export async function screenPaths(): Promise<Array<{ params: { screen: string }; props: { screen: Screen } }>> {
  return (await loadScreens()).map((screen) => ({ params: { screen: screen.id }, props: { screen } }));
}

/** What the screen's page tells its player (src/scripts/kiosk.ts): the build, the clock's time zone, the addresses and the player's words. */
export function kioskConfig(screen: Screen, version: string): KioskConfig {
  return {
    screen: screen.id,
    name: screen.data.name,
    version,
    builtAt: context.builtAt,
    dataAsOf: t('kiosk.dataAsOf', { date: formatDate(context.today) }),
    timezone: context.timezone,
    versionUrl: href(paths.kioskVersion(screen.id)),
    pageUrl: href(paths.kiosk(screen.id)),
    serviceWorker: href(paths.kioskWorker()),
    scope: href(paths.kiosks()),
    checkMinutes: 5,
    ...(screen.data.when ? { when: screen.data.when } : {}),
    calendar: screenCalendar(holidayCalendar(), context.today),
    strings: {
      pages: t('kiosk.pages'),
      continued: t('kiosk.pagesContinued'),
      closed: t('kiosk.day.closed'),
      closedFor: t('kiosk.day.closedFor'),
      reopens: t('kiosk.day.reopens'),
      adjusted: t('kiosk.day.adjusted'),
    },
  };
}
