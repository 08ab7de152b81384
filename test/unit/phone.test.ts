import { describe, expect, it } from 'vitest';
import { checkPhone, isPhone, PUBLIC_HOTLINES } from '#lib/phone.ts';

describe('checkPhone accepts the numbers printed on Chinese public boards', () => {
  it.each([
    ['0570-6012 3000', 'landline', '0570', '60123000'],
    ['0570 6012 3000', 'landline', '0570', '60123000'],
    ['057060123000', 'landline', '0570', '60123000'],
    ['0570-601 2300', 'landline', '0570', '6012300'],
    ['(0570) 6012 3000', 'landline', '0570', '60123000'],
    ['（0570）6012 3000', 'landline', '0570', '60123000'],
    ['010-6512 3456', 'landline', '010', '65123456'],
    ['021-6321 0000', 'landline', '021', '63210000'],
    ['+86 570 6012 3000', 'landline', '0570', '60123000'],
    ['0570-1234 5678', 'landline', '0570', '12345678'],
    ['138 0570 1234', 'mobile', undefined, '13805701234'],
    ['13805701234', 'mobile', undefined, '13805701234'],
    ['199-0570-1234', 'mobile', undefined, '19905701234'],
    ['+86 138 0570 1234', 'mobile', undefined, '13805701234'],
    ['400-123-4567', 'service', undefined, '4001234567'],
    ['800 820 8820', 'service', undefined, '8008208820'],
    ['12345', 'hotline', undefined, '12345'],
    ['12388', 'hotline', undefined, '12388'],
    ['110', 'hotline', undefined, '110'],
    ['120', 'hotline', undefined, '120'],
    ['119', 'hotline', undefined, '119'],
    ['122', 'hotline', undefined, '122'],
    ['12315', 'hotline', undefined, '12315'],
    ['12320', 'hotline', undefined, '12320'],
    ['12333', 'hotline', undefined, '12333'],
    ['12348', 'hotline', undefined, '12348'],
    ['12366', 'hotline', undefined, '12366'],
    ['12369', 'hotline', undefined, '12369'],
    ['12306', 'hotline', undefined, '12306'],
    ['0570-12388', 'hotline', '0570', '12388'],
    ['0570-12345', 'hotline', '0570', '12345'],
    ['95588', 'customer-service', undefined, '95588'],
    ['95519', 'customer-service', undefined, '95519'],
  ])('%s is a %s number', (text, kind, areaCode, number) => {
    const result = checkPhone(text);
    expect(result).toEqual({ ok: true, phone: { kind, number, ...(areaCode ? { areaCode } : {}) } });
  });

  it('keeps an extension written with 转', () => {
    expect(checkPhone('0570-6012 3000 转 8001')).toEqual({ ok: true, phone: { kind: 'landline', areaCode: '0570', number: '60123000', extension: '8001' } });
    expect(checkPhone('400-123-4567转2')).toMatchObject({ ok: true, phone: { extension: '2' } });
  });

  it('lists every hotline the brief names', () => {
    for (const n of ['12345', '12388', '110', '120', '119', '122', '12315', '12320', '12333', '12348', '12366', '12369', '12306']) {
      expect(PUBLIC_HOTLINES.has(n), n).toBe(true);
      expect(isPhone(n), n).toBe(true);
    }
  });
});

describe('checkPhone says what is wrong with a number, in Chinese', () => {
  const wrong = (text: string) => {
    const result = checkPhone(text);
    if (result.ok) throw new Error(`${text} was accepted`);
    return result;
  };

  it.each([
    ['138 0570 123', '手机号码应为 11 位，这里只有 10 位'],
    ['138057012345', '手机号码应为 11 位，这里有 12 位'],
    ['6012 3000', '固定电话要写区号'],
    ['0570-123', '区号后面的电话号码应为 7 到 8 位，这里只有 3 位'],
    ['0570-6012 3000 1', '区号后面的电话号码应为 7 到 8 位，这里有 9 位'],
    ['010-651 2345', '区号 010 的电话号码应为 8 位，这里是 7 位'],
    ['0570-0570 6012', '区号 0570 后面的号码不能以 0 开头'],
    ['0013 6012 3000', '不是有效的区号'],
    ['013805701234', '手机号码前面不用加 0'],
    ['057-06012 3000', '区号应为 0570，这里把它断开了'],
    ['0570', '只有区号 0570，缺少电话号码'],
    ['12346', '12346 不是已知的公共服务热线'],
    ['400-123-456', '400 号码应为 10 位，这里是 9 位'],
    ['0570-6012 3000（总机）', '电话号码里只能有数字、空格、短横线和括号，这里有“总”'],
    ['0570-6012 3000、6012 3001', '这里写了不止一个号码'],
    ['０５７０-６０１２ ３０００', '全角数字'],
    ['0570-6012 3000 分机 8001', '分机号要用“转”连接'],
    ['138 0570 1234 转 2', '手机号码没有分机号'],
    ['', '电话号码不能为空'],
    ['电话', '电话号码里只能有数字'],
    ['2345', '看不出“2345”是什么电话号码'],
  ])('%j: %s', (text, message) => {
    const result = wrong(text);
    expect(result.message).toContain(message);
    expect(result.fix).not.toBe('');
  });

  it('suggests the missing area code in the fix', () => {
    expect(wrong('6012 3000').fix).toBe('在前面加上本地的区号（0 开头的 3 到 4 位数字），写成 "区号-6012 3000"');
  });
});
