/**
 * Stops at once, with one line in Chinese and one in English, when this Node
 * cannot run Siliang. Every npm script runs it first: the others are
 * TypeScript that only a recent Node runs directly, and an old one fails on
 * them with ERR_UNKNOWN_FILE_EXTENSION, which says nothing about the cause.
 *
 * Plain CommonJS in the syntax of old Node on purpose (no `?.`, no `??`, no
 * ES modules): it must run, and explain itself, on whatever Node a machine
 * has, down to the ones Debian and Ubuntu ship. The versions it accepts are
 * read from `engines.node` in package.json, so there is one place to change.
 */
'use strict';

var fs = require('fs');
var path = require('path');

var SETUP = 'bash scripts/setup.sh';

/**
 * Parses the `engines.node` forms this project uses: alternatives joined by
 * `||`, each `^X.Y.Z` (that major, from X.Y.Z) or `>=X.Y.Z` (anything from
 * X.Y.Z). Anything else throws, so that a new form cannot pass unchecked.
 * @param {string} range
 * @returns {Array<{ kind: '^' | '>=', version: number[] }>}
 */
function parseRange(range) {
  return range.split('||').map(function (part) {
    var m = /^\s*(\^|>=)\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!m) throw new Error('check-node: cannot read engines.node "' + range + '" (only ^X.Y.Z and >=X.Y.Z joined by ||)');
    return { kind: /** @type {'^' | '>='} */ (m[1]), version: [Number(m[2]), Number(m[3]), Number(m[4])] };
  });
}

/** @param {number[]} a @param {number[]} b */
function compare(a, b) {
  for (var i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) - (b[i] || 0);
  return 0;
}

/**
 * Does `version` ("20.20.2" or "v20.20.2") satisfy `range`?
 * @param {string} version
 * @param {string} range
 */
function satisfies(version, range) {
  var v = String(version).replace(/^v/, '').split(/[.+-]/).slice(0, 3).map(Number);
  return parseRange(range).some(function (alt) {
    if (compare(v, alt.version) < 0) return false;
    return alt.kind === '>=' || v[0] === alt.version[0];
  });
}

/**
 * The range in words: "22（22.19 及以上）、24 或 26 及以上" in Chinese, "22
 * (22.19 or later), 24 or 26 and later" in English, for "^22.19.0 || ^24.0.0 || >=26.0.0".
 * @param {string} range
 * @param {'zh' | 'en'} lang
 */
function describeRange(range, lang) {
  var words = parseRange(range).map(function (alt) {
    var v = alt.version;
    var from = v[2] !== 0 ? v.join('.') : v[0] + '.' + v[1];
    if (alt.kind === '>=') return v[1] === 0 && v[2] === 0 ? v[0] + (lang === 'zh' ? ' 及以上' : ' and later') : from + (lang === 'zh' ? ' 及以上' : ' or later');
    if (v[1] === 0 && v[2] === 0) return String(v[0]);
    return v[0] + (lang === 'zh' ? '（' + from + ' 及以上）' : ' (' + from + ' or later)');
  });
  if (words.length === 1) return words[0];
  var last = words.pop();
  return words.join(lang === 'zh' ? '、' : ', ') + (lang === 'zh' ? ' 或 ' : ' or ') + last;
}

/**
 * What is wrong with running Siliang on Node `version`, as one Chinese and
 * one English line; undefined when nothing is.
 * @param {string} version
 * @param {string} range  package.json's engines.node
 * @param {string} recommended  the major version .nvmrc names
 * @returns {string | undefined}
 */
function nodeProblem(version, range, recommended) {
  if (satisfies(version, range)) return undefined;
  var shown = 'v' + String(version).replace(/^v/, '');
  return [
    '✗ 四亮需要 Node.js ' +
      describeRange(range, 'zh') +
      '（推荐 ' +
      recommended +
      '），这台机器上的是 ' +
      shown +
      '。请在项目文件夹里运行 ' +
      SETUP +
      ' 安装，或用 nvm install ' +
      recommended +
      '。',
    '✗ Siliang needs Node.js ' +
      describeRange(range, 'en') +
      ' (' +
      recommended +
      ' recommended); this is ' +
      shown +
      '. Run ' +
      SETUP +
      ' in the project folder to install it, or nvm install ' +
      recommended +
      '.',
  ].join('\n');
}

/** The project's own requirement: engines.node from package.json, the recommended major from .nvmrc. */
function projectRequirement() {
  var root = path.join(__dirname, '..');
  var range = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
  var recommended = fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
  return { range: range, recommended: recommended };
}

module.exports = { parseRange: parseRange, satisfies: satisfies, describeRange: describeRange, nodeProblem: nodeProblem, projectRequirement: projectRequirement };

if (require.main === module) {
  var required = projectRequirement();
  var problem = nodeProblem(process.versions.node, required.range, required.recommended);
  if (problem) {
    console.error(problem);
    // 2, as for every command that cannot run as asked (Chromium missing, say): nothing was done.
    process.exit(2);
  }
}
