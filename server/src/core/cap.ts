/**
 * Which findings a file's diagnostics show when there are more than the cap
 * (`landscapeLint.maxDiagnostics`), and the summaries of the rest.
 *
 * VS Code shows at most 1,000 problems per file and drops the rest without a word (issue 14: a
 * 2,000-system file lost 2,000). So the cap counts everything published: the findings kept (the
 * most severe first, then by position) plus one summary per rule that has findings left out,
 * each saying how many — so every rule with a hidden problem is named in the Problems panel.
 * When there would be more such rules than room, one summary counts them all.
 */
import type { Finding, Severity } from './types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** One summary: the rule (or all rules, `ruleId` undefined) and its hidden findings by severity. */
export interface HiddenSummary {
  ruleId?: string;
  count: number;
  bySeverity: Record<Severity, number>;
}

export interface CapPlan {
  /** Indexes of the findings shown, in position (index) order. */
  kept: number[];
  /** Summaries, most hidden first (then by rule id); empty when nothing is left out. */
  summaries: HiddenSummary[];
}

function summarize(findings: readonly Finding[], hidden: readonly number[], ruleId?: string): HiddenSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const i of hidden) bySeverity[findings[i].severity]++;
  return { ...(ruleId !== undefined ? { ruleId } : {}), count: hidden.length, bySeverity };
}

/**
 * The plan for `findings` (in position order) under the cap `max` (at least 1): all of them when
 * they fit; else `max - s` findings by severity and `s` summaries.
 */
export function capPlan(findings: readonly Finding[], max: number): CapPlan {
  const cap = Math.max(1, Math.floor(max));
  if (findings.length <= cap) return { kept: findings.map((_, i) => i), summaries: [] };
  const byPriority = findings.map((_, i) => i).sort((a, b) => RANK[findings[a].severity] - RANK[findings[b].severity] || a - b);
  // fewer kept findings can only hide more rules: grow the room for summaries until it fits
  let room = 1;
  for (;;) {
    const rules = new Set(byPriority.slice(cap - room).map((i) => findings[i].ruleId));
    if (rules.size <= room) break;
    room = rules.size;
    if (room >= cap) {
      room = -1;
      break;
    }
  }
  if (room < 0) {
    // more rules than room: one summary of everything left out
    const keep = cap - 1;
    const hidden = byPriority.slice(keep);
    return { kept: byPriority.slice(0, keep).sort((a, b) => a - b), summaries: [summarize(findings, hidden)] };
  }
  // at most `room` rules are hidden; when fewer, their summaries leave room for more findings
  const hiddenRules = new Set(byPriority.slice(cap - room).map((i) => findings[i].ruleId)).size;
  return capPlanWith(findings, byPriority, cap - hiddenRules);
}

/** The plan when exactly `keep` findings are kept and a summary per rule of the rest fits (checked by the caller). */
function capPlanWith(findings: readonly Finding[], byPriority: readonly number[], keep: number): CapPlan {
  const byRule = new Map<string, number[]>();
  for (const i of byPriority.slice(keep)) {
    const list = byRule.get(findings[i].ruleId);
    if (list) list.push(i);
    else byRule.set(findings[i].ruleId, [i]);
  }
  const summaries = [...byRule].map(([ruleId, list]) => summarize(findings, list, ruleId));
  summaries.sort((a, b) => b.count - a.count || (a.ruleId! < b.ruleId! ? -1 : 1));
  return { kept: byPriority.slice(0, keep).sort((a, b) => a - b), summaries };
}
