// A chart as one self-contained SVG file, for slides and reports: its title, the drawn chart
// (legend and plot, stacked as the page shows them) and its source and vintage, all inside the
// image, so the picture still says what it is and where it comes from once taken away.
import type { ChartView } from '$lib/plot/types';

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap by an average glyph width (no layout engine on the server). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The top-level <svg> elements of a chart's markup with their sizes. */
export function svgParts(markup: string): { svg: string; width: number; height: number }[] {
  const parts: { svg: string; width: number; height: number }[] = [];
  let depth = 0;
  let start = -1;
  const tag = /<svg\b[^>]*>|<\/svg>/g;
  for (let m = tag.exec(markup); m; m = tag.exec(markup)) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0 && start >= 0) {
        const svg = markup.slice(start, m.index + m[0].length);
        const open = svg.slice(0, svg.indexOf('>'));
        const num = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(open)?.[1] ?? 0);
        parts.push({ svg, width: num('width'), height: num('height') });
        start = -1;
      }
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return parts;
}

export function standaloneSvg(chart: ChartView, origin: string): string {
  const parts = svgParts(chart.svg);
  const width = Math.max(480, ...parts.map((p) => p.width));
  const chars = Math.floor((width - 24) / 7.2);
  const pad = 12;
  let y = pad;
  const body: string[] = [];
  for (const line of wrapText(chart.title, Math.floor((width - 24) / 8.6))) {
    y += 18;
    body.push(`<text x="${pad}" y="${y}" font-size="15" font-weight="700">${escapeXml(line)}</text>`);
  }
  for (const line of wrapText(chart.summary, chars)) {
    y += 16;
    body.push(`<text x="${pad}" y="${y}" font-size="12" fill="#444">${escapeXml(line)}</text>`);
  }
  y += 10;
  for (const p of parts) {
    // Each part keeps its own size and viewBox; a group moves it into place.
    body.push(`<g transform="translate(0,${y})">${p.svg}</g>`);
    y += p.height;
  }
  y += 6;
  for (const line of wrapText(`Source: ${chart.source}`, Math.floor((width - 24) / 6))) {
    y += 13;
    body.push(`<text x="${pad}" y="${y}" font-size="10" fill="#444">${escapeXml(line)}</text>`);
  }
  y += 13;
  body.push(`<text x="${pad}" y="${y}" font-size="10" fill="#444">${escapeXml(`WSIS progress monitor, ${origin}${chart.csvHref.replace(/\.csv(\?|$)/, '.svg$1')}`)}</text>`);
  const height = y + pad;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" fill="#1a1a1a" role="img" aria-label="${escapeXml(chart.title)}">` +
    `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(`${chart.summary} Source: ${chart.source}`)}</desc>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body.join('')}</svg>\n`
  );
}
