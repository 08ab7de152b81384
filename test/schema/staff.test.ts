import { describe, expect, it } from 'vitest';
import { problemsIn, theProblemIn, yaml } from '../helpers/content.ts';

const FILE = 'units/chuangkou/staff/wang-fang.yaml';
const valid = (...extra: string[]) => yaml('name: 王芳', 'photo: ./li-hua.jpg', 'post: shouli', 'window: "2"', 'number: "CK0102"', 'badges: [团员]', ...extra);

describe('staff schema', () => {
  it('accepts a complete member of staff, with Chinese labels for badges', () => {
    expect(problemsIn(FILE, valid('title: 助理经济师', 'onDuty: false', 'left: 2026-12-31'))).toEqual([]);
  });

  it('says to quote a staff number that YAML read as a number and lost its leading zero', () => {
    const p = theProblemIn(FILE, yaml('name: 王芳', 'photo: ./li-hua.jpg', 'post: shouli', 'number: 0102'));
    expect(p).toMatchObject({ kind: 'invalid_type', field: 'number', fieldTitle: '工号', line: 4, column: 9 });
    expect(p.message).toBe('YAML 把没有引号的 0102 读成了数字 102，开头的 0 会丢失');
    expect(p.fix).toBe('加上英文引号，写成 number: "0102"');
  });

  it('says a required field is missing and shows an example line to add', () => {
    const p = theProblemIn(FILE, yaml('name: 王芳', 'photo: ./li-hua.jpg'));
    expect(p).toMatchObject({ field: 'post', fieldTitle: '岗位', line: 1, column: 1 });
    expect(p.message).toBe('缺少必填的“岗位”');
    expect(p.fix).toBe('加上一行 post: daoyi');
  });

  it('suggests the field meant by a typo', () => {
    const p = theProblemIn(FILE, valid('postion: 窗口负责人'));
    expect(p).toMatchObject({ kind: 'unrecognized_keys', field: 'postion', line: 7, column: 1 });
    expect(p.message).toBe('不认识的字段“postion”');
    expect(p.fix).toBe('是不是想写 position（职务）？');
  });

  it('refuses private data such as an identity number or a private phone, saying why', () => {
    for (const key of ['身份证号', 'mobile', 'phone']) {
      const p = theProblemIn(FILE, valid(`${key}: "13800000000"`));
      expect(p.field).toBe(key);
      expect(p.message).toContain('个人隐私信息');
    }
  });

  it('names the photo file that is missing and where it was looked for', () => {
    const p = theProblemIn(FILE, yaml('name: 王芳', 'photo: ./wang-fang.jpg', 'post: shouli'));
    expect(p).toMatchObject({ field: 'photo', fieldTitle: '工作照', line: 2, column: 8 });
    expect(p.message).toBe('找不到图片文件 units/chuangkou/staff/wang-fang.jpg');
  });

  it('offers a photo whose name differs only in case or extension', () => {
    const p = theProblemIn(FILE, yaml('name: 王芳', 'photo: ./Li-Hua.png', 'post: shouli'));
    expect(p.fix).toBe('文件夹里有 li-hua.jpg，是不是要写成 ./li-hua.jpg？');
  });

  it('lists the accepted badges, in both forms, when a badge is not one of them', () => {
    const p = theProblemIn(FILE, yaml('name: 王芳', 'photo: ./li-hua.jpg', 'post: shouli', 'badges: [党员, 群众]'));
    expect(p).toMatchObject({ kind: 'invalid_value', field: 'badges[1]', line: 4, column: 14 });
    expect(p.fix).toContain('党员（party-member）、团员（league-member）');
  });

  it('asks for true or false when onDuty is written in words', () => {
    const p = theProblemIn(FILE, valid('onDuty: 是'));
    expect(p).toMatchObject({ field: 'onDuty', line: 7 });
    expect(p.message).toContain('只能写 true（是）或 false（否）');
  });
});
