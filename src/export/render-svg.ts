import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'

/**
 * A Vega-Lite spec as an SVG string, rendered in Node by vega's headless view (no canvas, no
 * browser). Text from the data (entity names, headlines) is escaped by vega's SVG renderer.
 * @example const svg = await renderSvg(risingSpec(rows))
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec
  // No loader access: every chart's data is inline, so the view must never fetch anything.
  const loader = vega.loader({ mode: 'http' })
  loader.load = async (uri: string) => {
    throw new Error(`report charts use inline data only; refused to load ${uri}`)
  }
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
