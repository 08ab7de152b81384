import { describe, expect, it } from 'vitest';
import { complaintPhone, resolveChannels, telHref, toChannel, type Channel, type ChannelInput } from '#lib/supervision.ts';
import { CHANNEL_TYPES, type ChannelType } from '#schemas/common.ts';

describe('telHref', () => {
  it.each([
    ['0571-88886666', 'tel:057188886666'],
    ['0571-8888 6666', 'tel:057188886666'],
    ['0571 8888 6666', 'tel:057188886666'],
    ['(0571) 8888-6666', 'tel:057188886666'],
    ['（0571）88886666', 'tel:057188886666'],
    ['12345', 'tel:12345'],
    ['+86 571 8888 6666', 'tel:+8657188886666'],
  ])('links %s as %s, keeping only digits and +', (phone, expected) => {
    expect(telHref(phone)).toBe(expected);
  });

  it.each([
    ['0571-8888 6666 转 2', 'tel:057188886666,2'],
    ['0571-88886666转8023', 'tel:057188886666,8023'],
    ['12345 转 0', 'tel:12345,0'],
  ])('dials the 转 extension %s after a pause: %s', (phone, expected) => {
    expect(telHref(phone)).toBe(expected);
  });
});

describe('toChannel', () => {
  it('labels a channel with its own name when it has one', () => {
    expect(toChannel({ type: 'supervision-phone', name: '县卫健局监督电话', value: '0571-8888 6666' }).label).toBe('县卫健局监督电话');
  });

  it.each(Object.entries(CHANNEL_TYPES) as Array<[ChannelType, string]>)('labels an unnamed %s channel with its type name %s', (type, label) => {
    expect(toChannel({ type, value: type === 'online' ? 'https://example.gov.cn/' : '0571-8888 6666' }).label).toBe(label);
  });

  it.each<[string, ChannelInput, string | undefined]>([
    ['a complaint phone', { type: 'complaint-phone', value: '0571-8888 6666' }, 'tel:057188886666'],
    ['a supervision phone with an extension', { type: 'supervision-phone', value: '0571-8888 6666 转 2' }, 'tel:057188886666,2'],
    ['a hotline', { type: 'hotline', value: '12345' }, 'tel:12345'],
    ['a report email', { type: 'report-email', value: 'jubao@example.gov.cn' }, 'mailto:jubao@example.gov.cn'],
    ['an online complaint form', { type: 'online', value: 'https://www.example.gov.cn/tousu/' }, 'https://www.example.gov.cn/tousu/'],
    ['a leader mailbox given as an email', { type: 'leader-mailbox', value: 'yuanzhang@example.gov.cn' }, 'mailto:yuanzhang@example.gov.cn'],
    ['a leader mailbox given as a web address', { type: 'leader-mailbox', value: 'https://www.example.gov.cn/xinxiang/' }, 'https://www.example.gov.cn/xinxiang/'],
    ['a leader mailbox given as an http address', { type: 'leader-mailbox', value: 'http://example.gov.cn/x' }, 'http://example.gov.cn/x'],
    ['a leader mailbox that is a box in a building', { type: 'leader-mailbox', value: '行政楼一楼大厅' }, undefined],
    ['a report mailbox', { type: 'report-mailbox', value: '门诊楼一楼东侧' }, undefined],
    ['a suggestion box', { type: 'suggestion-box', value: '各服务窗口' }, undefined],
  ])('links %s as %s', (_what, input, href) => {
    const channel = toChannel(input);
    expect(channel.href).toBe(href);
    expect('href' in channel).toBe(href !== undefined);
  });

  it('keeps the value, hours and note as given', () => {
    expect(toChannel({ type: 'complaint-phone', value: '0571-8888 6666', hours: '工作日 8:30-17:30', note: '节假日请留言' })).toEqual({
      type: 'complaint-phone',
      label: '投诉电话',
      value: '0571-8888 6666',
      href: 'tel:057188886666',
      hours: '工作日 8:30-17:30',
      note: '节假日请留言',
    });
  });

  it('leaves out hours and note that are not given', () => {
    const channel = toChannel({ type: 'suggestion-box', value: '大厅入口', hours: undefined, note: undefined });
    expect(channel).toEqual({ type: 'suggestion-box', label: '意见箱', value: '大厅入口' });
    expect(Object.keys(channel).sort()).toEqual(['label', 'type', 'value']);
  });
});

describe('resolveChannels', () => {
  const site: ChannelInput[] = [
    { type: 'hotline', value: '12345' },
    { type: 'supervision-phone', value: '0571-1111 1111' },
    { type: 'online', value: 'https://www.example.gov.cn/tousu/' },
  ];
  const values = (channels: Channel[]) => channels.map((c) => `${c.type} ${c.value}`);

  it('shows the site channels when the unit has none', () => {
    expect(values(resolveChannels(site))).toEqual(['hotline 12345', 'supervision-phone 0571-1111 1111', 'online https://www.example.gov.cn/tousu/']);
  });

  it('puts the unit channels first when adding, followed by the site channels', () => {
    const result = resolveChannels(site, {
      mode: 'add',
      channels: [
        { type: 'complaint-phone', value: '0571-2222 2222' },
        { type: 'suggestion-box', value: '门诊大厅' },
      ],
    });
    expect(values(result)).toEqual([
      'complaint-phone 0571-2222 2222',
      'suggestion-box 门诊大厅',
      'hotline 12345',
      'supervision-phone 0571-1111 1111',
      'online https://www.example.gov.cn/tousu/',
    ]);
  });

  it('drops a site channel the unit already lists with the same type and value when adding', () => {
    const result = resolveChannels(site, {
      mode: 'add',
      channels: [{ type: 'hotline', name: '政务服务热线', value: '12345', hours: '24 小时' }],
    });
    expect(values(result)).toEqual(['hotline 12345', 'supervision-phone 0571-1111 1111', 'online https://www.example.gov.cn/tousu/']);
    expect(result[0]?.label).toBe('政务服务热线');
    expect(result[0]?.hours).toBe('24 小时');
  });

  it('keeps a site channel with the same value but a different type when adding', () => {
    const result = resolveChannels(site, { mode: 'add', channels: [{ type: 'complaint-phone', value: '12345' }] });
    expect(values(result)).toEqual(['complaint-phone 12345', 'hotline 12345', 'supervision-phone 0571-1111 1111', 'online https://www.example.gov.cn/tousu/']);
  });

  it('shows only the unit channels when replacing', () => {
    const result = resolveChannels(site, {
      mode: 'replace',
      channels: [
        { type: 'complaint-phone', value: '0571-2222 2222' },
        { type: 'hotline', value: '12345' },
      ],
    });
    expect(values(result)).toEqual(['complaint-phone 0571-2222 2222', 'hotline 12345']);
  });

  it('turns every input into a linked, labelled channel', () => {
    const [first] = resolveChannels(site);
    expect(first).toEqual({ type: 'hotline', label: '服务热线', value: '12345', href: 'tel:12345' });
  });
});

describe('complaintPhone', () => {
  const channel = (type: ChannelType, value: string): Channel => toChannel({ type, value });

  it('prefers a complaint phone over a supervision phone and a hotline, wherever they are listed', () => {
    const channels = [channel('hotline', '12345'), channel('supervision-phone', '0571-1111 1111'), channel('complaint-phone', '0571-2222 2222')];
    expect(complaintPhone(channels)).toBe('0571-2222 2222');
  });

  it('uses a supervision phone when there is no complaint phone', () => {
    expect(complaintPhone([channel('hotline', '12345'), channel('supervision-phone', '0571-1111 1111')])).toBe('0571-1111 1111');
  });

  it('uses a hotline when there is neither a complaint nor a supervision phone', () => {
    expect(complaintPhone([channel('report-email', 'jubao@example.gov.cn'), channel('hotline', '12345')])).toBe('12345');
  });

  it('takes the first of several channels of the preferred type', () => {
    expect(complaintPhone([channel('complaint-phone', '0571-3333 3333'), channel('complaint-phone', '0571-4444 4444')])).toBe('0571-3333 3333');
  });

  it('returns undefined when no channel is a phone', () => {
    expect(complaintPhone([channel('report-email', 'jubao@example.gov.cn'), channel('suggestion-box', '大厅入口')])).toBeUndefined();
    expect(complaintPhone([])).toBeUndefined();
  });
});
