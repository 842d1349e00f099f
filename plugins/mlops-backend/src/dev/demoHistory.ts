import { HistoryStore } from '../database/HistoryStore';
import {
  EntityRow,
  EventRow,
  ORGANISATION,
  RunRow,
  ScoreRow,
} from '../database/rows';
import { addDays, dayOf } from '../service/stats';
import { CatalogUseCase } from '../snapshot/CatalogUseCase';
import { teamDayRow } from '../snapshot/refreshRollups';
import { randomFor } from './seededRandom';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoTimeline {
  createdAt: number;
  /** When each level from 1 up to the current one was reached. */
  levelAt: number[];
  reachedProductionAt: number | null;
}

function timelineFor(useCase: CatalogUseCase, now: number): DemoTimeline {
  const random = randomFor(useCase.entityRef);
  const createdAt = now - (30 + Math.floor(random() * 330)) * DAY_MS;
  const span = now - DAY_MS - createdAt;
  const levelAt = Array.from(
    { length: useCase.maturity.level },
    (_, i) =>
      createdAt + ((i + random()) / (useCase.maturity.level + 1)) * span,
  );
  const reachedProductionAt =
    useCase.lifecycle === 'production'
      ? Math.min(createdAt + (7 + random() * 80) * DAY_MS, now - DAY_MS)
      : null;
  return { createdAt, levelAt, reachedProductionAt };
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

function demoRun(useCase: CatalogUseCase, timeline: DemoTimeline): RunRow {
  return {
    task_id: `demo-${useCase.entityRef}`,
    entity_ref: useCase.entityRef,
    template_ref: useCase.templateRef,
    outcome: 'succeeded',
    at: iso(timeline.createdAt),
  };
}

function demoEvents(
  useCase: CatalogUseCase,
  timeline: DemoTimeline,
): EventRow[] {
  const base = { entity_ref: useCase.entityRef };
  const events: EventRow[] = [
    {
      ...base,
      type: 'first-seen',
      at: iso(timeline.createdAt),
      to_level: 0,
      to_lifecycle: 'experimental',
    },
    ...timeline.levelAt.map((at, i) => ({
      ...base,
      type: 'level-changed' as const,
      at: iso(at),
      from_level: i,
      to_level: i + 1,
    })),
  ];
  if (timeline.reachedProductionAt !== null) {
    const at = iso(timeline.reachedProductionAt);
    events.push(
      {
        ...base,
        type: 'lifecycle-changed',
        at,
        from_lifecycle: 'experimental',
        to_lifecycle: 'production',
      },
      {
        ...base,
        type: 'reached-production',
        at,
        from_lifecycle: 'experimental',
        to_lifecycle: 'production',
      },
    );
  }
  return events;
}

function levelOn(timeline: DemoTimeline, endOfDay: number): number {
  return timeline.levelAt.filter(at => at <= endOfDay).length;
}

export interface SeedDemoOptions {
  store: HistoryStore;
  useCases: CatalogUseCase[];
  now: Date;
}

/**
 * Dev only (mlopsDemoHistoryModule): invents a plausible past year for the entities in the
 * catalog so every chart has data on first start. Every write is keyed or skips what is
 * already stored, so an interrupted seeding can simply run again; responses say
 * `demo: true` once it ran.
 */
export async function seedDemoHistory(options: SeedDemoOptions): Promise<void> {
  const { store, useCases } = options;
  const now = options.now.getTime();
  const timelines = useCases.map(u => ({
    useCase: u,
    timeline: timelineFor(u, now),
  }));

  await store.insertRuns(
    timelines.map(({ useCase, timeline }) => demoRun(useCase, timeline)),
  );
  // An entity's row and its events commit together, so an entity an interrupted seeding
  // already stored has its invented events; a new run must not invent them again.
  const stored = await store.getEntityStates();
  await store.applyChanges(
    timelines
      .filter(({ useCase }) => !stored.has(useCase.entityRef))
      .map(({ useCase, timeline }) => {
        const row: EntityRow = {
          entity_ref: useCase.entityRef,
          team_ref: useCase.teamRef,
          title: useCase.title,
          type: useCase.type,
          lifecycle: useCase.lifecycle,
          level: useCase.maturity.level,
          score: useCase.maturity.score,
          failing_checks: useCase.maturity.failingChecks.join(','),
          template_ref: useCase.templateRef,
          created_at: iso(timeline.createdAt),
          reached_production_at:
            timeline.reachedProductionAt === null
              ? null
              : iso(timeline.reachedProductionAt),
          // Generated dates, not observations; a snapshot that finds the demo's production
          // deployment facts replaces them with the observed ones.
          production_evidence:
            timeline.reachedProductionAt === null ? null : 'declared',
          removed_at: null,
          demo: true,
          observed_checks: useCase.maturity.observed ?? null,
          observable_checks: useCase.maturity.observable ?? null,
        };
        return { row, events: demoEvents(useCase, timeline) };
      }),
  );

  const scores: ScoreRow[] = timelines.flatMap(({ useCase, timeline }) =>
    [timeline.createdAt, ...timeline.levelAt].map((at, level) => ({
      entity_ref: useCase.entityRef,
      day: dayOf(new Date(at)),
      level,
      score: Math.round(
        (useCase.maturity.score * (level + 1)) / (timeline.levelAt.length + 1),
      ),
    })),
  );
  // Days where two levels were reached keep the later one.
  const lastPerDay = new Map(scores.map(s => [`${s.entity_ref}|${s.day}`, s]));
  await store.insertScores([...lastPerDay.values()]);

  const today = dayOf(options.now);
  const rows = [];
  for (let day = addDays(today, -364); day < today; day = addDays(day, 1)) {
    const endOfDay = Date.parse(`${day}T23:59:59.999Z`);
    // A day's rollup needs only each live use case's level.
    const byTeam = new Map<string, number[]>([[ORGANISATION, []]]);
    for (const { useCase, timeline } of timelines) {
      if (timeline.createdAt > endOfDay) {
        continue;
      }
      const level = levelOn(timeline, endOfDay);
      byTeam.get(ORGANISATION)!.push(level);
      const team = byTeam.get(useCase.teamRef);
      if (team) {
        team.push(level);
      } else {
        byTeam.set(useCase.teamRef, [level]);
      }
    }
    for (const [team, levels] of byTeam) {
      if (levels.length > 0) {
        rows.push(teamDayRow(team, day, levels));
      }
    }
  }
  await store.insertTeamDays(rows);
  await store.setMeta('demo.seeded', options.now.toISOString());
}
