/**
 * Knowledge baselines: which facts landscape-lint applies. `guide-1.1` is the guide alone, exactly
 * as version 0.1 checked it (reproducible forever); `current` (the default) is the guide plus the
 * dated updates of updates.ts. Rules get the baseline and an `asOf` date (the clock, injectable so
 * tests pin it) in their context and ask here whether an update applies and in which tense.
 */
import { deepFreeze } from './freeze';
import { GUIDE } from './guide';
import type { KnowledgeUpdate } from './updates';
import { KNOWLEDGE_UPDATES } from './updates';

/** The baselines a user can choose. */
export const BASELINE_IDS = Object.freeze(['guide-1.1', 'current'] as const);
export type BaselineId = (typeof BASELINE_IDS)[number];

/** The baseline used when nothing is configured. */
export const DEFAULT_BASELINE: BaselineId = 'current';

/** One baseline: its id, what it is, the date of its newest fact, and its dated updates. */
export interface Baseline {
  readonly id: BaselineId;
  readonly title: string;
  /** ISO date of its knowledge: the guide's date, or the day the updates were last reviewed. */
  readonly date: string;
  readonly updates: readonly KnowledgeUpdate[];
}

/**
 * The day the update records were last checked against public sources: the date of baseline
 * `current` (its records include events after it, such as the end of maintenance in 2027).
 */
export const CURRENT_BASELINE_REVIEWED = '2026-11-29';

/** The baselines, keyed by id. */
export const BASELINES: Readonly<Record<BaselineId, Baseline>> = deepFreeze({
  'guide-1.1': {
    id: 'guide-1.1',
    title: `SAP guide "${GUIDE.title}" ${GUIDE.version} (${GUIDE.date}) only`,
    date: GUIDE.date,
    updates: [],
  },
  current: {
    id: 'current',
    title: `SAP guide "${GUIDE.title}" ${GUIDE.version} plus ${KNOWLEDGE_UPDATES.length} dated updates (reviewed ${CURRENT_BASELINE_REVIEWED})`,
    date: CURRENT_BASELINE_REVIEWED,
    updates: KNOWLEDGE_UPDATES,
  },
});

/** Whether a text names a baseline. */
export function isBaselineId(v: unknown): v is BaselineId {
  return typeof v === 'string' && (BASELINE_IDS as readonly string[]).includes(v);
}

/** The baseline of an id (the default for undefined). */
export function baselineOf(id: BaselineId | undefined): Baseline {
  return BASELINES[id ?? DEFAULT_BASELINE];
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Today's date in UTC, `YYYY-MM-DD` (the default `asOf`). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** What a rule, hover or report needs to know about the knowledge in use. */
export interface KnowledgeContext {
  readonly baseline: Baseline;
  /** The date the advice is for, `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** A knowledge context; asOf defaults to today. */
export function knowledgeContext(baseline?: BaselineId, asOf?: string): KnowledgeContext {
  return { baseline: baselineOf(baseline), asOf: asOf ?? todayIso() };
}

/** The guide alone (what version 0.1 did), for callers that have no settings. */
export const GUIDE_ONLY: KnowledgeContext = deepFreeze({ baseline: BASELINES['guide-1.1'], asOf: GUIDE.date });

/** Whether the baseline holds the update (whatever the date). */
export function knows(k: KnowledgeContext, u: KnowledgeUpdate): boolean {
  return k.baseline.updates.includes(u);
}

/** Whether the baseline holds the update and its effective date has come (asOf ≥ effective). */
export function inEffect(k: KnowledgeContext, u: KnowledgeUpdate): boolean {
  return knows(k, u) && k.asOf >= u.effective;
}

/** Whether a date has come by asOf (the day itself counts). */
export function reached(k: KnowledgeContext, iso: string): boolean {
  return k.asOf >= iso;
}

/** "was shut down on 2020-01-08" / "is shut down on 2020-01-08": picks the verb by asOf. */
export function tense(k: KnowledgeContext, iso: string, past: string, future: string): string {
  return `${reached(k, iso) ? past : future} ${iso}`;
}

/** A cache key of the knowledge context: results made under another key must be recomputed. */
export function knowledgeKey(k: KnowledgeContext): string {
  return `${k.baseline.id}@${k.asOf}`;
}
