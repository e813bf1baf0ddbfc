import { sql } from 'kysely'
import { type Bucket, minusDays } from '../query/range.js'
import { queryStatsDays, queryStatsSources } from '../query/stats.js'
import { STORY_AT, storyWhere } from '../query/story-filter.js'
import { hasMovesTables, queryFlows, queryLatestMoves } from '../query/talent-flows.js'
import { queryTimeline, queryTopEntities } from '../query/timeline.js'
import { queryRisingEntities } from '../query/trends.js'
import type { OpenedDatabase } from '../store/database.js'
import { renderSvg } from './render-svg.js'
import { coverageSpec, flowsSpec, risingSpec, timelineSpec } from './vega-lite.js'

export interface ReportOptions {
  /** Start of the period (ISO); default 30 days before `until`. */
  readonly since?: string | undefined
  /** End of the period (ISO, exclusive); default now. */
  readonly until?: string | undefined
  readonly now?: Date | undefined
  readonly title?: string | undefined
  /** Entities in the mentions-over-time chart (default 6). */
  readonly topEntities?: number | undefined
  /** Shown under the title: why the period is empty or not the one asked for (report-window.ts). */
  readonly notice?: string | null | undefined
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text from crawled pages and the database goes into the page only through here. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** A link only for http(s) URLs: a stored `javascript:` or `data:` URL becomes plain text. */
function link(url: string | null, text: string): string {
  if (url && /^https?:\/\//i.test(url))
    return `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(text)}</a>`
  return escapeHtml(text)
}

function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> = new Set(),
): string {
  if (rows.length === 0) return '<p class="empty">Nothing in this period.</p>'
  const th = head
    .map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('')
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('\n')
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

function figure(svg: string, caption: string): string {
  return `<figure class="chart">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`
}

/**
 * The analyst report: one self-contained HTML page (no scripts, no external resources; a CSP
 * forbids both) with rising entities, mentions over time for the top entities, talent flows,
 * the latest moves with evidence links and source health. Charts are Vega-Lite specs rendered
 * to SVG in Node and inlined.
 * @example await writeFile('report.html', await buildReport(opened, { since: '2026-11-01T00:00:00.000Z' }))
 */
export async function buildReport(
  opened: OpenedDatabase,
  options: ReportOptions = {},
): Promise<string> {
  const db = opened.db
  const now = options.now ?? new Date()
  const until = options.until ?? now.toISOString()
  const since = options.since ?? minusDays(until, 30)
  const days = (Date.parse(until) - Date.parse(since)) / 86_400_000
  const by: Bucket = days <= 62 ? 'day' : days <= 550 ? 'week' : 'month'
  const range = { since, until }

  // Rising: the last 7 days of the period against the 28 before (the `trends` defaults).
  const rising = await queryRisingEntities(db, { until, windowDays: Math.min(7, days), limit: 15 })
  const top = await queryTopEntities(db, range, options.topEntities ?? 6)
  const timeline = await queryTimeline(db, top, { ...range, by })
  const movesAvailable = await hasMovesTables(db)
  const flows = await queryFlows(db, range, 15)
  const moves = await queryLatestMoves(db, range, 20)
  const sources = await queryStatsSources(db, range)
  const coverage = await sql<{ day: string; source: string; articles: number }>`
    WITH times AS MATERIALIZED (
      SELECT ${STORY_AT} AS t, a.source_id AS source FROM articles a WHERE ${storyWhere({ ...range, includeDuplicates: true })}
    )
    SELECT date(t) AS day, source, count(*) AS articles FROM times GROUP BY day, source ORDER BY day, source`.execute(
    db,
  )
  const dayTotals = await queryStatsDays(db, range)
  const stories = dayTotals.reduce((sum, d) => sum + d.stories, 0)

  const charts = await Promise.all([
    rising.length > 0 ? renderSvg(risingSpec(rising)) : Promise.resolve(''),
    timeline.length > 0 ? renderSvg(timelineSpec(timeline, by)) : Promise.resolve(''),
    flows.length > 0
      ? renderSvg(
          flowsSpec(
            flows.map((f) => ({
              from: f.from_org_name ?? '(unknown)',
              to: f.to_org_name ?? '(unknown)',
              moves: f.moves,
            })),
          ),
        )
      : Promise.resolve(''),
    coverage.rows.length > 0
      ? renderSvg(coverageSpec(coverage.rows.map((r) => ({ ...r, articles: Number(r.articles) }))))
      : Promise.resolve(''),
  ])
  const [risingSvg, timelineSvg, flowsSvg, coverageSvg] = charts
  const maxFlow = Math.max(1, ...flows.map((f) => f.moves))
  const title = options.title ?? 'newshound report'
  const period = `${since.slice(0, 10)} – ${new Date(Date.parse(until) - 1).toISOString().slice(0, 10)}`

  const sections = [
    `<section id="rising"><h2>Rising entities</h2>
<p class="note">The last 7 days against the 28 before. Score: log2((stories + 5) / (expected + 5)), where expected is the entity's baseline share applied to this week's story volume; the prior of 5 keeps one-story flukes down.</p>
${risingSvg ? figure(risingSvg, 'Trend score per entity (orange: people, blue: organisations)') : ''}
${table(
  ['#', 'entity', 'kind', 'stories', 'baseline', 'share', 'score', 'top story'],
  rising.map((r) => [
    String(r.rank),
    escapeHtml(r.entity_name),
    escapeHtml(r.entity_kind),
    String(r.stories),
    String(r.baseline_stories),
    `${(r.share * 100).toFixed(1)}%`,
    r.score.toFixed(2),
    link(r.top_story_url, r.top_story_title ?? r.top_story_url ?? ''),
  ]),
  new Set([0, 3, 4, 5, 6]),
)}</section>`,
    `<section id="timeline"><h2>Mentions over time</h2>
<p class="note">Stories per ${by} mentioning the ${top.length} most covered entities of the period.</p>
${timelineSvg ? figure(timelineSvg, `Stories per ${by}`) : '<p class="empty">Nothing in this period.</p>'}</section>`,
    `<section id="flows"><h2>Talent flows between organisations</h2>
${movesAvailable ? '' : '<p class="empty">This database has no talent-move tables yet.</p>'}
${flowsSvg ? figure(flowsSvg, 'Reported moves per pair of organisations') : ''}
${table(
  ['from', 'to', 'moves', 'people', '', 'latest'],
  flows.map((f) => [
    escapeHtml(f.from_org_name ?? '(unknown)'),
    escapeHtml(f.to_org_name ?? '(unknown)'),
    String(f.moves),
    String(f.people),
    `<span class="bar" style="width:${Math.round((f.moves / maxFlow) * 100)}%"></span>`,
    escapeHtml(f.latest_at ?? ''),
  ]),
  new Set([2, 3]),
)}</section>`,
    `<section id="moves"><h2>Latest moves</h2>
${table(
  ['day', 'person', 'from', 'to', 'role', 'kind', 'evidence'],
  moves.map((m) => [
    escapeHtml(m.move_day ?? ''),
    escapeHtml(m.person_name ?? ''),
    escapeHtml(m.from_org_name ?? ''),
    escapeHtml(m.to_org_name ?? ''),
    escapeHtml(m.role ?? ''),
    escapeHtml(m.kind),
    m.evidence
      .map((e) => `<q>${escapeHtml(e.sentence)}</q> ${link(e.url, e.title ?? e.source_id)}`)
      .join('<br>'),
  ]),
)}</section>`,
    `<section id="sources"><h2>Source health</h2>
${coverageSvg ? figure(coverageSvg, 'Articles stored per day and source') : ''}
${table(
  ['source', 'articles', 'stories', 'last story', 'feeds', 'failing', 'last success', 'health'],
  sources.map((s) => [
    escapeHtml(s.source_name),
    String(s.articles),
    String(s.stories),
    escapeHtml(s.last_story_at?.slice(0, 16).replace('T', ' ') ?? ''),
    String(s.feeds),
    String(s.feeds_failing),
    escapeHtml(s.last_success_at?.slice(0, 16).replace('T', ' ') ?? ''),
    `<span class="health ${escapeHtml(s.health)}">${escapeHtml(s.health)}</span>`,
  ]),
  new Set([1, 2, 4, 5]),
)}</section>`,
  ]

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="newshound">
<title>${escapeHtml(title)} · ${escapeHtml(period)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
nav a { margin-right: 1rem; } .meta, .note, figcaption { color: #666; font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92em; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #f6f6f6; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { margin: .8rem 0; } .chart svg { max-width: 100%; height: auto; }
.bar { display: inline-block; height: .7em; background: #54a24b; min-width: 2px; }
.health.ok { color: #2a7a2a; } .health.degraded, .health.never-polled { color: #a66a00; } .health.failing { color: #b00020; font-weight: 600; }
.empty { color: #888; font-style: italic; } q { color: #444; }
.notice { background: #fff6d6; border-left: 4px solid #d9a400; padding: .5rem .8rem; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(period)} (UTC) · ${stories} stories · ${sources.length} sources · generated ${escapeHtml(now.toISOString().slice(0, 16).replace('T', ' '))} UTC. Stories, not copies: syndicated duplicates count once.</p>
${options.notice ? `<p class="notice">${escapeHtml(options.notice)}</p>\n` : ''}<nav><a href="#rising">Rising</a><a href="#timeline">Over time</a><a href="#flows">Flows</a><a href="#moves">Moves</a><a href="#sources">Sources</a></nav>
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`
}
