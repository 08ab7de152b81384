/** The example organisation's pages the browser tests visit: one of each kind. */

/** One citizen page of each kind, as [kind, address from the site's root]. */
export const CITIZEN_PAGES: ReadonlyArray<readonly [kind: string, path: string]> = [
  ['home', ''],
  ['unit board', 'units/menzhen/'],
  ['procedure list', 'units/budongchan/procedures/'],
  ['service guide', 'units/huzheng/procedures/shenfenzheng-buling/'],
  ['staff board', 'units/huzheng/staff/'],
  ['staff member', 'units/huzheng/staff/lin-xiaowen/'],
  ['duties', 'units/menzhen/duties/'],
  ['pledges', 'units/budongchan/pledges/'],
  ['evaluations', 'units/budongchan/evaluations/'],
  ['notices', 'notices/'],
  ['publicity notice', 'notices/2026-q3-fuwu-zhixing-gongshi/'],
  ['bulletin', 'notices/siliang-jianbao-6/'],
  ['announcement', 'notices/2027-yuandan-banshi-shijian/'],
  ['print index', 'print/'],
  ['search', 'search/'],
  ['not found', 'no-such-page/'],
];

/** The same without the search page, the one citizen page that runs a script of its own. */
export const PAGES_WITHOUT_SCRIPT = CITIZEN_PAGES.filter(([kind]) => kind !== 'search');
