import { z } from 'astro/zod';

/**
 * What a schema needs from whoever runs it. In Astro, `image` is the content
 * layer's `image()` helper, which resolves a photo next to the YAML file and
 * sends it through the image pipeline; the content checker passes its own
 * `image` and `file`, which check that the file exists next to the entry.
 */
export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  image: () => I;
  /** A downloadable file (blank form, sample) given as a path relative to the entry. */
  file?: () => z.ZodType<string>;
}

/** File types a citizen can download and open on an ordinary phone or PC. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'ofd', 'jpg', 'jpeg', 'png'] as const;

const ATTACHMENT = new RegExp(`^\\./(?:[^/\\\\]+/)*[^/\\\\]+\\.(?:${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');

/** A path such as ./forms/申请表.pdf, relative to the Markdown or YAML file. */
export const attachmentPath = () =>
  z
    .string()
    .trim()
    .regex(ATTACHMENT)
    .meta({
      title: '附件',
      expected: `以 ./ 开头的相对路径，文件类型为 ${ATTACHMENT_EXTENSIONS.join('、')}`,
      example: './forms/申请表.pdf',
    });

/**
 * Picture formats content may use, everywhere a picture is named: photos,
 * logos, floor plans, slide pictures and pictures in a body. The one list;
 * the checker, the editor hints and the photo step all read it. No SVG: it
 * can carry a script that runs when the picture is opened (see
 * src/lib/images/sniff.ts).
 */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const;

/**
 * A photo given as a path beside the file, checked for its form only. The
 * editor hints use it, and so does the site for staff photos, which go
 * through Siliang's own photo step (src/integration/photos.ts) rather than Astro's
 * image pipeline; the content checker has already made sure each file is there
 * and readable before a build starts.
 */
export const imagePath = () =>
  z
    .string()
    .regex(new RegExp(`^\\./(?:[^/\\\\]+/)*[^/\\\\]+\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i'))
    .meta({ title: '图片', expected: '以 ./ 开头的图片文件相对路径', example: './zhang-xiaoming.jpg' });
