import type { TopLevelSpec } from 'vega-lite'

/**
 * Vega-Lite specs of the report's charts, data inlined. The same specs open in the Vega editor,
 * Observable or any Vega-Lite tool; report-html.ts renders them to SVG in Node.
 */

const WIDTH = 640
const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, grid: true, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const },
}

/** Rising entities: one bar per entity, length = trend score, colour = kind. */
export function risingSpec(
  rows: readonly { entity_name: string; entity_kind: string; score: number; stories: number }[],
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Rising entities: trend score (smoothed log2 ratio against the baseline)',
    width: WIDTH - 200,
    height: { step: 18 },
    config: CONFIG,
    data: {
      values: rows.map((r) => ({
        entity: r.entity_name,
        kind: r.entity_kind,
        score: r.score,
        stories: r.stories,
      })),
    },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'entity', type: 'nominal', sort: null, title: null },
      x: { field: 'score', type: 'quantitative', title: 'trend score (log2, > 0 rising)' },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: ['org', 'person'], range: ['#4c78a8', '#f58518'] },
        title: 'kind',
      },
    },
  }
}

/** Stories per bucket for the top entities, one line each. */
export function timelineSpec(
  rows: readonly { bucket: string; entity_name: string; stories: number }[],
  by: 'day' | 'week' | 'month',
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Stories mentioning the top entities per ${by}`,
    width: WIDTH,
    height: 240,
    config: CONFIG,
    data: {
      values: rows.map((r) => ({ bucket: r.bucket, entity: r.entity_name, stories: r.stories })),
    },
    mark: { type: 'line', point: rows.length <= 120 },
    encoding: {
      x: {
        field: 'bucket',
        type: 'temporal',
        timeUnit: 'utcyearmonthdate',
        title: by === 'day' ? 'day' : `${by} starting`,
        axis: { format: '%b %d' },
      },
      y: { field: 'stories', type: 'quantitative', title: 'stories' },
      color: { field: 'entity', type: 'nominal', sort: null, title: null },
    },
  }
}

/** Talent flows as bars: one bar per "from → to" pair, length = moves. */
export function flowsSpec(
  rows: readonly { from: string; to: string; moves: number }[],
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Talent moves between organisations',
    width: WIDTH - 260,
    height: { step: 18 },
    config: CONFIG,
    data: { values: rows.map((r) => ({ flow: `${r.from} → ${r.to}`, moves: r.moves })) },
    mark: { type: 'bar', color: '#54a24b', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'flow', type: 'nominal', sort: null, title: null },
      x: { field: 'moves', type: 'quantitative', title: 'moves', axis: { tickMinStep: 1 } },
    },
  }
}

/** Coverage: articles per day, stacked by source. */
export function coverageSpec(
  rows: readonly { day: string; source: string; articles: number }[],
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Articles stored per day and source',
    width: WIDTH,
    height: 160,
    config: CONFIG,
    data: { values: rows.map((r) => ({ day: r.day, source: r.source, articles: r.articles })) },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'day',
        type: 'temporal',
        timeUnit: 'utcyearmonthdate',
        title: null,
        axis: { format: '%b %d' },
      },
      y: { field: 'articles', type: 'quantitative', title: 'articles', stack: 'zero' },
      color: { field: 'source', type: 'nominal', title: null },
    },
  }
}
