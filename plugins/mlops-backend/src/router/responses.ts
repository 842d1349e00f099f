import {
  TeamSummary,
  TemplateAnalytics,
  UseCaseEvent,
  UseCaseSummary,
} from '../schema/openapi/generated/models';
import { TemplateRow } from '../database/HistoryStore';
import { EntityRow, HistoryEventRow } from '../database/rows';
import { TeamWindowSummary } from '../service/summarize';

export function toUseCaseSummary(row: EntityRow): UseCaseSummary {
  return {
    entityRef: row.entity_ref,
    title: row.title,
    type: row.type,
    lifecycle: row.lifecycle,
    level: row.level,
    score: row.score,
    failingChecks: row.failing_checks ? row.failing_checks.split(',') : [],
    createdAt: row.created_at,
    reachedProductionAt: row.reached_production_at,
    template: row.template_ref,
    observedChecks: row.observed_checks,
    observableChecks: row.observable_checks,
  };
}

/** The stored summary without the organisation-only value figures. */
export function toTeamSummary(stored: TeamWindowSummary): TeamSummary {
  const { valueSaved: _valueSaved, ...team } = stored;
  return team;
}

export function toUseCaseEvent(row: HistoryEventRow): UseCaseEvent {
  const event: UseCaseEvent = {
    type: row.type,
    at: row.at,
  };
  if (row.from_level !== null && row.from_level !== undefined) {
    event.fromLevel = row.from_level;
  }
  if (row.to_level !== null && row.to_level !== undefined) {
    event.toLevel = row.to_level;
  }
  if (row.from_lifecycle) {
    event.fromLifecycle = row.from_lifecycle;
  }
  if (row.to_lifecycle) {
    event.toLifecycle = row.to_lifecycle;
  }
  return event;
}

/** Use cases, teams, levels and run outcomes per template. */
export function templateAnalytics(
  useCases: TemplateRow[],
  runs: Array<{ template_ref: string; outcome: string; runs: number }>,
  levelCount: number,
): TemplateAnalytics[] {
  const byTemplate = new Map<
    string,
    TemplateAnalytics & { teamSet: Set<string> }
  >();
  const entry = (templateRef: string) => {
    let found = byTemplate.get(templateRef);
    if (!found) {
      found = {
        templateRef,
        useCases: 0,
        teams: [],
        teamSet: new Set(),
        levels: new Array<number>(levelCount).fill(0),
        inProduction: 0,
        runs: { succeeded: 0, failed: 0 },
      };
      byTemplate.set(templateRef, found);
    }
    return found;
  };
  for (const useCase of useCases) {
    const template = entry(useCase.template_ref);
    template.useCases += 1;
    template.teamSet.add(useCase.team_ref);
    template.levels[Math.min(useCase.level, levelCount - 1)] += 1;
    if (useCase.lifecycle === 'production') {
      template.inProduction += 1;
    }
  }
  for (const run of runs) {
    const template = entry(run.template_ref);
    if (run.outcome === 'failed') {
      template.runs.failed += run.runs;
    } else {
      template.runs.succeeded += run.runs;
    }
  }
  return [...byTemplate.values()]
    .map(({ teamSet, ...template }) => ({
      ...template,
      teams: [...teamSet].sort(),
    }))
    .sort(
      (a, b) =>
        b.useCases - a.useCases || a.templateRef.localeCompare(b.templateRef),
    );
}
