/**
 * A build's options (src/lib/options.ts): one strict schema with defaults,
 * read from the environment in one place, with errors in Chinese that name
 * the option and the variable or flag it came from.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOME_CARDS } from '#lib/directory.ts';
import { environmentText, KNOWN_OPTIONS, OptionsError, parseSiliangOptions, readSiliangOptions, SILIANG_ENV } from '#lib/options.ts';
import { DEFAULT_SPLIT } from '#lib/search/groups.ts';

/** The message of the OptionsError `run` throws; fails the test when it throws none or another error. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return (error as OptionsError).message;
  }
  throw new Error('expected an OptionsError, but the options were accepted');
}

describe('the options with nothing set', () => {
  it('are the defaults: the content/ folder, every unit printed, the documented thresholds, the real clock, site.yaml’s base', () => {
    const options = readSiliangOptions({}, {});
    expect(options).toEqual({ content: 'content', print: 'all', searchSplit: DEFAULT_SPLIT, homeCards: DEFAULT_HOME_CARDS, checkAlongside: 'auto', audience: 'web' });
    expect(options.now).toBeUndefined();
    expect(options.base).toBeUndefined();
    expect(options.photoCache).toBeUndefined();
  });
});

describe('options read from the environment', () => {
  const env = {
    SILIANG_CONTENT: '../qingxi/content',
    SILIANG_NOW: '2026-11-22',
    SILIANG_BASE: '/gongkai/',
    SILIANG_PRINT: 'menzhen, huzheng',
    SILIANG_SEARCH_SPLIT: ' 30 ',
    SILIANG_HOME_CARDS: '3',
    SILIANG_CHECK_ALONGSIDE: 'always',
    SILIANG_PHOTO_CACHE: '/tmp/photos',
  };

  it('come from the variables the README documents, numbers read from their digits', () => {
    expect(readSiliangOptions({}, env)).toEqual({
      content: '../qingxi/content',
      now: '2026-11-22',
      base: '/gongkai/',
      print: ['menzhen', 'huzheng'],
      searchSplit: 30,
      homeCards: 3,
      checkAlongside: 'always',
      photoCache: '/tmp/photos',
      audience: 'web',
    });
  });

  it('give way to the same options given on the command line', () => {
    const options = readSiliangOptions({ content: 'other', now: '2026-12-01', print: 'none', base: undefined }, env);
    expect(options).toMatchObject({ content: 'other', now: '2026-12-01', print: 'none', base: '/gongkai/', searchSplit: 30 });
  });

  it('take a blank variable as unset', () => {
    expect(readSiliangOptions({}, { SILIANG_HOME_CARDS: ' ', SILIANG_NOW: '', SILIANG_CONTENT: '  ' })).toMatchObject({ homeCards: DEFAULT_HOME_CARDS, content: 'content' });
    expect(readSiliangOptions({}, { SILIANG_NOW: '' }).now).toBeUndefined();
    expect(environmentText('base', { SILIANG_BASE: '  ' })).toBeUndefined();
    expect(environmentText('base', { SILIANG_BASE: '/a/' })).toBe('/a/');
  });

  it('accept a full ISO time as the clock', () => {
    expect(readSiliangOptions({}, { SILIANG_NOW: '2026-11-22T23:30:00+08:00' }).now).toBe('2026-11-22T23:30:00+08:00');
  });

  it('ignore variables that are not options', () => {
    expect(readSiliangOptions({}, { PATH: '/usr/bin', SILIANG_NODE_PREFIX: '/opt' })).toMatchObject({ content: 'content' });
  });
});

describe('a wrong value', () => {
  it('from the environment names the variable and the option, says what is wrong and how to fix it', () => {
    const message = refusal(() => readSiliangOptions({}, { SILIANG_SEARCH_SPLIT: 'abc' }));
    expect(message).toContain('环境变量 SILIANG_SEARCH_SPLIT 应为正整数');
    expect(message).toContain('选项 searchSplit');
    expect(message).toContain('现在是“abc”');
    expect(message).toContain(`修改：写一个大于 0 的整数；不写则用默认值 ${DEFAULT_SPLIT}`);
  });

  it('refuses a clock that is no day of the calendar, naming SILIANG_NOW', () => {
    const message = refusal(() => readSiliangOptions({}, { SILIANG_NOW: '2026-13-40' }));
    expect(message).toMatch(/^环境变量 SILIANG_NOW 应为一个存在的日期（选项 now：.*），现在是“2026-13-40”。修改：写成 2026-11-22 这样的日期/);
  });

  it('given in code or on the command line names the option, its flag and its variable', () => {
    const searchSplit = refusal(() => parseSiliangOptions({ searchSplit: 'abc' }));
    expect(searchSplit).toMatch(/^选项 searchSplit 应为正整数（每个搜索索引最多的页面数；也可用环境变量 SILIANG_SEARCH_SPLIT 设置），现在是“abc”/);
    const now = refusal(() => readSiliangOptions({ now: '2026-13-40' }, {}));
    expect(now).toMatch(/^选项 now（命令行 --now）应为一个存在的日期.*SILIANG_NOW.*现在是“2026-13-40”/);
  });

  it('given on the command line over a good variable is blamed on the command line', () => {
    const message = refusal(() => readSiliangOptions({ now: '2026-02-30' }, { SILIANG_NOW: '2026-11-22' }));
    expect(message).toContain('选项 now（命令行 --now）');
    expect(message).not.toContain('环境变量 SILIANG_NOW 应为');
  });

  it('is refused for every kind of option that has a shape', () => {
    for (const [name, value] of [
      ['homeCards', '0'],
      ['homeCards', '2.5'],
      ['searchSplit', -1],
      ['checkAlongside', 'sometimes'],
      ['base', 'https://example.gov.cn/gongkai/'],
      ['content', ''],
    ] as const) {
      const message = refusal(() => parseSiliangOptions({ [name]: value }));
      expect(message, `${name}: ${value}`).toContain(`选项 ${name}`);
      expect(message, `${name}: ${value}`).toContain(SILIANG_ENV[name]);
    }
  });

  it('in several options is reported for each of them at once', () => {
    const error = (() => {
      try {
        readSiliangOptions({}, { SILIANG_HOME_CARDS: 'x', SILIANG_CHECK_ALONGSIDE: 'maybe' });
      } catch (caught) {
        return caught as OptionsError;
      }
      return undefined;
    })();
    expect(error?.problems).toHaveLength(2);
    expect(error?.problems.join('\n')).toMatch(/SILIANG_HOME_CARDS[\s\S]*SILIANG_CHECK_ALONGSIDE|SILIANG_CHECK_ALONGSIDE[\s\S]*SILIANG_HOME_CARDS/);
  });
});

describe('a misspelt option', () => {
  it('is an error naming it, with the option it probably meant and the list of known options, in Chinese', () => {
    const message = refusal(() => parseSiliangOptions({ serachSplit: 30 }));
    expect(message).toContain('不认识的选项“serachSplit”');
    expect(message).toContain('是不是 searchSplit？');
    expect(message).toContain(`认识的选项：${KNOWN_OPTIONS.join('、')}`);
  });

  it('that resembles no option is still named, without a guess', () => {
    const message = refusal(() => parseSiliangOptions({ colour: 'red' }));
    expect(message).toContain('不认识的选项“colour”');
    expect(message).not.toContain('是不是');
  });

  it('lists every option the schema knows for users', () => {
    expect([...KNOWN_OPTIONS].sort()).toEqual(
      Object.keys(SILIANG_ENV)
        .filter((name) => name !== 'checked' && name !== 'audience')
        .sort(),
    );
  });
});

describe('options already checked', () => {
  it('pass the schema again unchanged, as astro.config.mjs hands them to the integration', () => {
    const once = readSiliangOptions({ print: 'menzhen,huzheng', now: '2026-11-22T08:00:00+08:00' }, { SILIANG_HOME_CARDS: '3' });
    expect(parseSiliangOptions(once)).toEqual(once);
  });
});
