/**
 * Reads a content text file (YAML, Markdown, synonyms.txt) the way the
 * checker must: a file and not a folder, no larger than the limit, and
 * UTF-8. Node's own reading turns bytes that are not UTF-8 into �, so a
 * file saved as GBK by Notepad or WPS would pass the check with no error and
 * be published as �μ�. A byte-order mark (Notepad's "UTF-8 with BOM") is
 * UTF-8 and is accepted; it is dropped here.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectEncoding, decodeText } from '../text-encoding.ts';
import { fileSizeProblem } from './limits.ts';
import type { Problem } from './problem.ts';

export type TextRead = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

const STRICT = new TextDecoder('utf-8', { fatal: true });
const LENIENT = new TextDecoder('utf-8');

const RESAVE = '用记事本或 WPS 打开这个文件，点“另存为”，编码选“UTF-8”，保存并替换原文件（VS Code：点右下角的编码名称 →“通过编码保存”→ UTF-8）';

/** Decodes a content file's bytes as UTF-8, or says at which line they are not UTF-8 and how to re-save the file. */
export function decodeContentBytes(relPath: string, bytes: Uint8Array): TextRead {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: STRICT.decode(body) };
  } catch {
    // Not UTF-8: found below, line by line.
  }
  const encoding = bom ? 'utf-8' : detectEncoding(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return {
      problem: {
        severity: 'error',
        kind: 'not-utf8',
        file: relPath,
        line: 1,
        column: 1,
        message: `文件是 ${encoding === 'utf-16be' ? 'UTF-16BE' : 'UTF-16'} 编码（记事本里叫“Unicode”），网站只能读 UTF-8 编码的文件`,
        fix: RESAVE,
      },
    };
  }
  // A line break is one byte, 0x0A, in UTF-8 and in GBK alike, and never part of another character.
  let start = 0;
  let line = 1;
  for (;;) {
    const end = body.indexOf(0x0a, start);
    const bad = body.subarray(start, end < 0 ? body.length : end);
    let valid = true;
    try {
      STRICT.decode(bad);
    } catch {
      valid = false;
    }
    if (!valid || end < 0) {
      // Where the line's first non-ASCII character stands: a GBK character's first byte may also begin a UTF-8 one, so the byte that fails can be a character later.
      // eslint-disable-next-line no-control-regex -- the ASCII range, NUL included, on purpose
      const column = Math.max(0, LENIENT.decode(bad).search(/[^\u0000-\u007f]/)) + 1;
      // Shown as GBK when it reads as GBK, so that the person recognises the line.
      const asGbk = encoding === 'gbk' ? decodeText(bad).text.replace(/\r$/, '').trim() : '';
      // eslint-disable-next-line no-control-regex -- control characters are what makes a line unreadable
      const readable = asGbk !== '' && !/[\uFFFD\u0000-\u0008\u000e-\u001f]/.test(asGbk);
      const shown = [...asGbk].length > 40 ? `${[...asGbk].slice(0, 40).join('')}…` : asGbk;
      return {
        problem: {
          severity: 'error',
          kind: 'not-utf8',
          file: relPath,
          line,
          column,
          message: readable
            ? `文件不是 UTF-8 编码，网站上会显示成乱码：看起来是 GBK（ANSI）编码，这一行是“${shown}”`
            : '文件里有不是 UTF-8 编码的字节，网站上会显示成乱码（可能是用别的编码保存的，或文件已损坏）',
          fix: RESAVE,
        },
      };
    }
    start = end + 1;
    line++;
  }
}

/**
 * Reads the text file at `relPath` in `contentDir`: its text, or the
 * problem that stops it being read (a folder, too large, not UTF-8, not
 * readable). `what` names it in messages: 内容文件, 同义词文件.
 */
export function readContentText(contentDir: string, relPath: string, what = '内容文件'): TextRead {
  const abs = join(contentDir, relPath);
  const problem = (kind: string, message: string, fix: string): TextRead => ({ problem: { severity: 'error', kind, file: relPath, message, fix } });
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) return problem('not-a-file', `${relPath} 应该是一个${what}，这里却是一个文件夹`, `删除这个文件夹或给它改名；${what}是一个文本文件，名字就叫 ${relPath.split('/').at(-1)}`);
    if (!stat.isFile()) return problem('not-a-file', `${relPath} 不是普通的文件，读不出内容`, `删除它，换成一个${what}（文本文件）`);
    const tooLarge = fileSizeProblem(relPath, stat.size);
    if (tooLarge) return { problem: tooLarge };
    return decodeContentBytes(relPath, readFileSync(abs));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return problem('unreadable', `读不出这个文件（${code}）`, '检查文件是否还在、有没有读取权限；从备份或 Git 里恢复它');
  }
}
