import {
  TeamSummary,
  TemplateAnalytics,
} from '@landing-zone/plugin-mlops-common';
import { TemplateRunCount, TemplateUseCase } from '../database/HistoryStore';
import { TeamWindowSummary } from '../service/summarize';

/** The stored summary without the organisation-only value figures. */
export function toTeamSummary(stored: TeamWindowSummary): TeamSummary {
  const { valueSaved: _valueSaved, ...team } = stored;
  return team;
}

/** Use cases, teams, levels and run outcomes per template. */
export function templateAnalytics(
  useCases: TemplateUseCase[],
  runs: TemplateRunCount[],
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
    const template = entry(useCase.templateRef);
    template.useCases += 1;
    template.teamSet.add(useCase.teamRef);
    template.levels[Math.min(useCase.level, levelCount - 1)] += 1;
    if (useCase.lifecycle === 'production') {
      template.inProduction += 1;
    }
  }
  for (const run of runs) {
    const template = entry(run.templateRef);
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
