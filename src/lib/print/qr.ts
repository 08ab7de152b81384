/**
 * QR codes as SVG for print sheets. One address appears on several sheets
 * (a unit's board in three sizes, a poster in two), and a province prints
 * tens of thousands of sheets: each code is drawn once per build. The
 * address is given as one byte-mode segment, which is what a lower-case URL
 * ends up as anyway, so the encoder need not search for the cheapest mix of
 * modes (a shortest-path search that cost more than the drawing).
 */
import QRCode from 'qrcode';

const drawn = new Map<string, Promise<string>>();

export function qrSvg(value: string): Promise<string> {
  let svg = drawn.get(value);
  if (!svg) {
    // Level M survives a crease or a smudge on a board; the URLs are short enough for it.
    // crispEdges makes Chromium write modules under one point wide as hairlines,
    // and a 13 mm code on a badge no longer scans: draw them as plain paths.
    svg = QRCode.toString([{ data: Buffer.from(value, 'utf8'), mode: 'byte' }], {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 0,
      color: { dark: '#000000', light: '#ffffff' },
    }).then((s) => s.replace(/ shape-rendering="crispEdges"/g, ''));
    drawn.set(value, svg);
  }
  return svg;
}
