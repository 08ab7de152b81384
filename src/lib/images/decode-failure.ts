/**
 * Why a picture could not be decoded, told from sharp's (libvips') English
 * message, and what to tell the person who put it there, in Chinese. Shared
 * by the checker's decoding thread (./decode-worker.ts) and the photo step
 * (src/integration/photos.ts), so a broken logo and a broken staff photo read alike.
 */

export type DecodeFailure = { reason: 'truncated' | 'damaged'; detail: string } | { reason: 'too-large'; detail: string; width?: number; height?: number };

const TRUNCATED = /premature end|truncat|unexpected end|end of (?:file|stream|data)|read error|not enough data/i;
const TOO_LARGE = /pixel limit/i;

/** The failure sharp's error message describes. */
export function classifyDecodeError(detail: string): DecodeFailure {
  if (TOO_LARGE.test(detail)) return { reason: 'too-large', detail };
  return { reason: TRUNCATED.test(detail) ? 'truncated' : 'damaged', detail };
}

/** The message and fix for a picture at `shownAs` (a path relative to the content folder) that did not decode. */
export function decodeFailureText(failure: DecodeFailure, shownAs: string): { message: string; fix: string } {
  if (failure.reason === 'too-large') {
    const size = failure.width && failure.height ? `（${failure.width}×${failure.height} 像素）` : '';
    return { message: `图片 ${shownAs} 太大${size}，网站无法处理`, fix: '把图片缩小到长边 4000 像素以内，另存为 JPG 或 PNG 再替换' };
  }
  return {
    message: failure.reason === 'truncated' ? `图片文件 ${shownAs} 不完整（可能没有复制或下载完），网站无法读取` : `图片文件 ${shownAs} 已损坏，网站无法读取`,
    fix: '重新导出或复制这张图片，确认在电脑上能完整打开后再替换这个文件',
  };
}
