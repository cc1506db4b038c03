/** One chart block → SVG (HTML) or text lines (terminal, markdown). */
import { svgBarChart, svgDiverging, svgFanChart, svgFunnel, svgHBars, svgWaterfall } from '../charts/svg.js'
import {
  textBarChart,
  textDiverging,
  textFanChart,
  textFunnel,
  textHBars,
  textWaterfall,
} from '../charts/text.js'
import type { Paint } from '../charts/types.js'
import type { Chart } from './blocks.js'

export function chartSvg(chart: Chart, counter: number): string {
  switch (chart.kind) {
    case 'bars':
      return svgBarChart(chart.spec, counter)
    case 'fan':
      return svgFanChart(chart.spec, counter)
    case 'waterfall':
      return svgWaterfall(chart.spec, counter)
    case 'funnel':
      return svgFunnel(chart.spec, counter)
    case 'hbars':
      return svgHBars(chart.spec, counter)
    case 'diverging':
      return svgDiverging(chart.spec, counter)
  }
}

export function chartText(chart: Chart, width: number, paint: Paint): string[] {
  switch (chart.kind) {
    case 'bars':
      return textBarChart(chart.spec, width, paint)
    case 'fan':
      return textFanChart(chart.spec, width, paint)
    case 'waterfall':
      return textWaterfall(chart.spec, width, paint)
    case 'funnel':
      return textFunnel(chart.spec, width, paint)
    case 'hbars':
      return textHBars(chart.spec, width, paint)
    case 'diverging':
      return textDiverging(chart.spec, width, paint)
  }
}

export function chartTitle(chart: Chart): string {
  return chart.spec.title
}
