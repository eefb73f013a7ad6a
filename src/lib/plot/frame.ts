// What every chart's frame shares: the text style on a transparent background, and a size the
// caller may override.
import type * as Plot from '@observablehq/plot';

export const PLOT_STYLE = { fontSize: '12px', background: 'transparent', color: '#1a1a1a' };

/** Width and height from the caller's options, else the chart's defaults; the shared style. */
export function frame(options: { width?: number; height?: number }, height: number, width = 720): Pick<Plot.PlotOptions, 'width' | 'height' | 'style'> {
  return { width: options.width ?? width, height: options.height ?? height, style: PLOT_STYLE };
}
