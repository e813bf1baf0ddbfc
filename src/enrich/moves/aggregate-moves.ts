import { foldName } from '../../knowledge/atoms.js'
import type { MoveKind, MoveStatus, RoleNormalized, TalentMove } from './types.js'

/** One article's reading of a move, as the pipeline stores it. */
export interface MoveReport {
  readonly articleId: number
  readonly sourceId: string
  readonly publishedAt: string | null
  readonly move: TalentMove
}

/** One piece of evidence of an event: which article said it, and how. */
export interface MoveEventEvidence {
  readonly articleId: number
  readonly sourceId: string
  readonly publishedAt: string | null
  readonly status: MoveStatus
  readonly sentence: string
  readonly start: number
  readonly end: number
}

/** Many reports of the same move, folded into one event. */
export interface MoveEvent {
  readonly person: string
  readonly personId: string | null
  readonly kind: MoveKind
  readonly fromOrg: string | null
  readonly fromOrgId: string | null
  readonly toOrg: string | null
  readonly toOrgId: string | null
  readonly role: string | null
  readonly roleNormalized: RoleNormalized | null
  readonly status: MoveStatus
  readonly happenedAt: string | null
  readonly reportCount: number
  /** Earliest and latest report date (published time, else the move's date), ISO. */
  readonly firstSeen: string | null
  readonly lastSeen: string | null
  readonly sourceIds: readonly string[]
  readonly articleIds: readonly number[]
  readonly evidence: readonly MoveEventEvidence[]
}

export interface AggregateMovesOptions {
  /** Reports further apart than this (days, from the event's last report) start a new event. */
  readonly windowDays?: number
}

export const DEFAULT_MOVE_WINDOW_DAYS = 60

const DAY_MS = 86_400_000

interface Building {
  event: MoveEvent
  lastMs: number | null
}

/**
 * Folds reports of the same move into events. Two reports are the same move when the person is
 * the same (knowledge-base id, else the folded name), the kinds agree and the organisations are
 * compatible (equal, or unknown on one side), and the report falls within `windowDays` of the
 * event's latest report. A departure and a hire or founding out of the same organisation are
 * compatible: "left Meta" and "left Meta for OpenAI" are one event, kept as the more specific hire.
 *
 * Status: reported as soon as one report states the move as fact; otherwise denied when a denial
 * came after the rumours, else rumored, so rumours never inflate the count of reported moves.
 * Pure and deterministic: the result depends only on the reports, not on their order.
 *
 * @example
 * aggregateMoves([
 *   { articleId: 1, sourceId: 'heise', publishedAt: '2024-05-15', move: departureFromOpenAI },
 *   { articleId: 2, sourceId: 'golem', publishedAt: '2024-05-16', move: hireFromOpenAIToAnthropic },
 * ])
 * // [{ person: 'Jan Leike', kind: 'hire', fromOrg: 'OpenAI', toOrg: 'Anthropic', reportCount: 2, ... }]
 */
export function aggregateMoves(
  reports: readonly MoveReport[],
  options: AggregateMovesOptions = {},
): MoveEvent[] {
  const windowMs = (options.windowDays ?? DEFAULT_MOVE_WINDOW_DAYS) * DAY_MS
  const ordered = [...reports].sort(compareReports)
  const building: Building[] = []
  for (const report of ordered) {
    const seenMs = timeOf(seenAt(report))
    const target = building.find(
      (b) =>
        personKey(b.event) === personKey(report.move) &&
        sameMove(b.event, report.move) &&
        (b.lastMs === null || seenMs === null || Math.abs(seenMs - b.lastMs) <= windowMs),
    )
    if (target === undefined) {
      building.push({ event: startEvent(report), lastMs: seenMs })
    } else {
      target.event = addReport(target.event, report)
      if (seenMs !== null) target.lastMs = Math.max(target.lastMs ?? seenMs, seenMs)
    }
  }
  return building
    .map((b) => b.event)
    .sort(
      (a, b) =>
        compareNullable(a.firstSeen, b.firstSeen) ||
        a.person.localeCompare(b.person) ||
        a.kind.localeCompare(b.kind) ||
        (a.articleIds[0] ?? 0) - (b.articleIds[0] ?? 0),
    )
}

function startEvent(report: MoveReport): MoveEvent {
  const { move } = report
  const seen = seenAt(report)
  return {
    person: move.person,
    personId: move.personId,
    kind: move.kind,
    fromOrg: move.fromOrg,
    fromOrgId: move.fromOrgId,
    toOrg: move.toOrg,
    toOrgId: move.toOrgId,
    role: move.role,
    roleNormalized: move.roleNormalized,
    status: move.status,
    happenedAt: move.happenedAt,
    reportCount: 1,
    firstSeen: seen,
    lastSeen: seen,
    sourceIds: [report.sourceId],
    articleIds: [report.articleId],
    evidence: [evidenceOf(report)],
  }
}

function addReport(event: MoveEvent, report: MoveReport): MoveEvent {
  const { move } = report
  // A hire or founding says more than a departure out of the same organisation.
  const upgrade = event.kind === 'departure' && move.kind !== 'departure'
  const seen = seenAt(report)
  const sameKindRole = upgrade || move.kind === event.kind
  return {
    ...event,
    kind: upgrade ? move.kind : event.kind,
    fromOrg: event.fromOrg ?? move.fromOrg,
    fromOrgId: event.fromOrg !== null ? event.fromOrgId : move.fromOrgId,
    toOrg: event.toOrg ?? move.toOrg,
    toOrgId: event.toOrg !== null ? event.toOrgId : move.toOrgId,
    // The role of a departure is the role left; a hire's is the new one.
    role: upgrade ? move.role : (event.role ?? (sameKindRole ? move.role : null)),
    roleNormalized: upgrade
      ? move.roleNormalized
      : event.role !== null
        ? event.roleNormalized
        : sameKindRole
          ? move.roleNormalized
          : null,
    status: nextStatus(event.status, move.status),
    happenedAt: earliestDate(event.happenedAt, move.happenedAt),
    reportCount: event.reportCount + 1,
    firstSeen: minNullable(event.firstSeen, seen),
    lastSeen: maxNullable(event.lastSeen, seen),
    sourceIds: [...new Set([...event.sourceIds, report.sourceId])].sort(),
    articleIds: [...new Set([...event.articleIds, report.articleId])].sort((a, b) => a - b),
    evidence: [...event.evidence, evidenceOf(report)],
  }
}

/**
 * Reports arrive in time order. One factual report makes the event reported for good; among
 * rumours and denials the latest word counts, so a denial after rumours makes it denied.
 */
function nextStatus(current: MoveStatus, next: MoveStatus): MoveStatus {
  if (current === 'reported' || next === 'reported') return 'reported'
  return next
}

function sameMove(event: MoveEvent, move: TalentMove): boolean {
  const fromFits = fits(event.fromOrg, move.fromOrg)
  if (event.kind === move.kind) return fromFits && fits(event.toOrg, move.toOrg)
  const kinds = new Set([event.kind, move.kind])
  // "left Meta" (departure) and "left Meta for OpenAI" (hire) or "to found a startup" (founding).
  if (kinds.has('departure') && (kinds.has('hire') || kinds.has('founding'))) {
    const departure = event.kind === 'departure' ? event : move
    const other = event.kind === 'departure' ? move : event
    return departure.fromOrg !== null && fits(departure.fromOrg, other.fromOrg)
  }
  return false
}

function evidenceOf(report: MoveReport): MoveEventEvidence {
  return {
    articleId: report.articleId,
    sourceId: report.sourceId,
    publishedAt: report.publishedAt,
    status: report.move.status,
    sentence: report.move.evidence.sentence,
    start: report.move.evidence.start,
    end: report.move.evidence.end,
  }
}

function personKey(move: Pick<TalentMove, 'personId' | 'person'>): string {
  return move.personId ?? foldName(move.person)
}

function fits(a: string | null, b: string | null): boolean {
  return a === null || b === null || foldName(a) === foldName(b)
}

function seenAt(report: MoveReport): string | null {
  return report.publishedAt ?? report.move.happenedAt
}

function timeOf(iso: string | null): number | null {
  if (iso === null) return null
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : ms
}

/** Time order, then article id, person, kind and offset: a total order, so output is stable. */
function compareReports(a: MoveReport, b: MoveReport): number {
  const ta = timeOf(seenAt(a))
  const tb = timeOf(seenAt(b))
  if (ta !== tb) {
    if (ta === null) return 1
    if (tb === null) return -1
    return ta - tb
  }
  return (
    a.articleId - b.articleId ||
    a.move.person.localeCompare(b.move.person) ||
    a.move.kind.localeCompare(b.move.kind) ||
    a.move.evidence.start - b.move.evidence.start ||
    a.move.status.localeCompare(b.move.status)
  )
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return (timeOf(a) ?? 0) - (timeOf(b) ?? 0) || a.localeCompare(b)
}

function minNullable(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return compareNullable(a, b) <= 0 ? a : b
}

function maxNullable(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return compareNullable(a, b) >= 0 ? a : b
}

function earliestDate(a: string | null, b: string | null): string | null {
  return minNullable(a, b)
}
