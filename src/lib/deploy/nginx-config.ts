/**
 * The shipped nginx server block (deploy/nginx/siliang.conf) for another
 * base path, root folder, listen address or snippet folder. The shipped
 * file is written for /gongkai/ and is what an IT officer copies by hand;
 * the container build and the nginx test render it with this, so the file
 * they serve with is the shipped one with only these lines changed. Every
 * change must find its line: a shipped file of another shape is an error,
 * never a config with a line silently left as it was.
 */

export interface NginxPlace {
  /** The site's base path, "/" or "/gongkai/". */
  base: string;
  /** The folder holding the site under its base path. */
  root: string;
  /** `listen` value, e.g. "80" or "127.0.0.1:8080"; the IPv6 line is kept only for a bare port. */
  listen?: string;
  /** Where the two snippets are. */
  snippets?: string;
}

const SHIPPED_BASE = '/gongkai/';

export function renderNginxConfig(shipped: string, place: NginxPlace): string {
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(place.base)) throw new Error(`网站路径应以 / 开头并以 / 结尾，例如 /gongkai/，实际是“${place.base}” / base must start and end with /`);
  let text = shipped;
  const swap = (pattern: RegExp, replacement: string, what: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/siliang.conf 里找不到${what} / the shipped config has no ${pattern}`);
    text = text.replace(pattern, replacement);
  };
  swap(/root \/srv\/siliang\/public;/, `root ${place.root};`, ' root 一行');
  if (place.listen !== undefined) {
    if (!/^\d+$/.test(place.listen)) swap(/^\s*listen \[::\]:80;\n/m, '', ' IPv6 listen 一行');
    else swap(/listen \[::\]:80;/, `listen [::]:${place.listen};`, ' IPv6 listen 一行');
    swap(/listen 80;/, `listen ${place.listen};`, ' listen 一行');
  }
  if (place.snippets !== undefined) {
    if (!text.includes('/etc/nginx/snippets/')) throw new Error('deploy/nginx/siliang.conf 里找不到 snippets 的路径');
    text = text.replaceAll('/etc/nginx/snippets/', `${place.snippets.replace(/\/?$/, '/')}`);
  }
  if (place.base !== SHIPPED_BASE) {
    swap(/location \/gongkai\/ \{/, `location ${place.base} {`, ' location /gongkai/ 一行');
    swap(/error_page 404 \/gongkai\/404\.html;/, `error_page 404 ${place.base}404.html;`, ' error_page 一行');
    // The redirect from the path without its slash; a site at the root has no such path.
    const bare = /(\n[ \t]*# BASE: the bare path[^\n]*\n)[ \t]*location = \/gongkai \{\n[ \t]*return 301 \/gongkai\/;\n[ \t]*\}\n/;
    if (place.base === '/') swap(bare, '\n', ' /gongkai 的跳转');
    else swap(bare, `$1    location = ${place.base.slice(0, -1)} {\n        return 301 ${place.base};\n    }\n`, ' /gongkai 的跳转');
  }
  return text;
}
