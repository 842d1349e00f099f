import { ValueSettings } from '../config';
import type { FlowFact } from '../service/flowMetrics';
import { HistoryStore } from '../database/HistoryStore';
import { EntityRow, ORGANISATION, TeamDayRow } from '../database/rows';
import { addDays } from '../service/stats';
import {
  DayState,
  PERIODS,
  summarize,
  TeamWindowSummary,
  UseCaseFacts,
  WINDOWS,
} from '../service/summarize';

export interface RefreshRollupsOptions {
  store: HistoryStore;
  today: string;
  value: ValueSettings;
  levelCount: number;
  teamTitles: Map<string, string>;
  /** Each use case's flow facts (see readFlowFacts), when the snapshot read them. */
  flow?: Map<string, FlowFact[]>;
}

function toFacts(row: EntityRow): UseCaseFacts {
  return {
    level: row.level,
    score: row.score,
    lifecycle: row.lifecycle,
    createdAt: row.created_at,
    reachedProductionAt: row.reached_production_at,
    productionEvidence: row.production_evidence,
    templateRef: row.template_ref,
    observedChecks: row.observed_checks,
    observableChecks: row.observable_checks,
  };
}

/** A team's state at the end of `day`: what the trend's average level reads. */
export function teamDayRow(
  teamRef: string,
  day: string,
  levels: number[],
): TeamDayRow {
  return {
    team_ref: teamRef,
    day,
    use_cases: levels.length,
    level_sum: levels.reduce((sum, level) => sum + level, 0),
  };
}

function titleOf(teamRef: string, titles: Map<string, string>): string {
  if (teamRef === ORGANISATION) {
    return 'Organisation';
  }
  return titles.get(teamRef) ?? teamRef.replace(/^[^:]+:(default\/)?/, '');
}

/**
 * Rewrites today's daily rollups and every team × window × period summary from the
 * stored state (never from the catalog), so reads are single indexed lookups.
 */
export async function refreshRollups(
  options: RefreshRollupsOptions,
): Promise<void> {
  const { store, today, levelCount } = options;
  await store.reconcileCreatedAt();

  const byTeam = new Map<string, UseCaseFacts[]>([[ORGANISATION, []]]);
  for (const row of await store.listLiveEntities()) {
    const facts = toFacts(row);
    if (options.flow) facts.flow = options.flow.get(row.entity_ref) ?? [];
    byTeam.get(ORGANISATION)!.push(facts);
    const team = byTeam.get(row.team_ref) ?? [];
    team.push(facts);
    byTeam.set(row.team_ref, team);
  }

  await store.replaceTeamDays(
    today,
    [...byTeam].map(([team, useCases]) =>
      teamDayRow(
        team,
        today,
        useCases.map(u => u.level),
      ),
    ),
  );

  const dayStates = new Map<string, Map<string, DayState>>();
  const oldestDay = addDays(today, -(Math.max(...WINDOWS) - 1));
  for (const row of await store.listTeamDays(oldestDay)) {
    const states = dayStates.get(row.team_ref) ?? new Map();
    states.set(row.day, { useCases: row.use_cases, levelSum: row.level_sum });
    dayStates.set(row.team_ref, states);
  }

  const rows = [];
  for (const [teamRef, useCases] of byTeam) {
    for (const window of WINDOWS) {
      for (const period of PERIODS) {
        const summary = summarize({
          useCases,
          dayStates: dayStates.get(teamRef) ?? new Map(),
          window,
          period,
          today,
          levelCount,
          value: options.value,
        });
        const stored: TeamWindowSummary = {
          teamRef,
          title: titleOf(teamRef, options.teamTitles),
          ...summary,
        };
        rows.push({ teamRef, window, period, summary: stored });
      }
    }
  }
  await store.replaceTeamWindows(rows);
}
