/*
 * A year of history for the benchmark, written as a year of snapshots would have left it.
 *
 * What one simulated year is, per use case (100,000 of them in 1,000 teams of 100):
 * - created on a uniformly random day of the year through the golden path: one
 *   successful scaffolder run (task ids are UUIDs, as Backstage's), and for 5% a failed
 *   run before it;
 * - first seen by a snapshot when created, at level 0, experimental;
 * - 0–2 level-ups (1 on average), spread over its life;
 * - 0–4 score changes that cross no level (2 on average): a check starts or stops
 *   passing. Each level-up changes the score too;
 * - 45% head for production 5–90 days after creation (about 40% get there within the
 *   year): a lifecycle change and the once-only reached-production event.
 * That is about 1 run, 2.8 events and 4 score changes per use case, plus a rollup per
 * team (and the organisation) per day. Every event and score row comes from diffEntity,
 * the function a real snapshot uses, so they have exactly the shape production writes.
 * Not simulated: use cases removed or re-owned during the year.
 */
import { Entity } from '@backstage/catalog-model';
import { HistoryStore } from '../src/database/HistoryStore';
import {
  EntityRow,
  EventRow,
  ORGANISATION,
  RunRow,
  ScoreRow,
  TeamDayRow,
} from '../src/database/rows';
import { addDays } from '../src/service/stats';
import { CatalogUseCase } from '../src/snapshot/CatalogUseCase';
import { diffEntity } from '../src/snapshot/diffEntity';
import { teamDayRow } from '../src/snapshot/refreshRollups';

const DAYS = 365;
const DAY_MS = 86_400_000;
const TEMPLATE = 'template:default/ml-model';

/**
 * Deterministic pseudo-random numbers, so every run simulates the same year. A 32-bit
 * linear congruential generator with full period; Math.imul keeps the product exact
 * (a plain `*` exceeds 2^53, loses the low bits and falls into a cycle of ~10,000 values).
 */
let seed = 42;
function random() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
}

function uuid(): string {
  const hex = Array.from({ length: 32 }, () =>
    Math.floor(random() * 16).toString(16),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const iso = (t: number) => new Date(t).toISOString();

/** One catalog state of a use case, from `at` until the next one. */
interface State {
  at: number;
  level: number;
  score: number;
  lifecycle: string;
}

export interface SimulatedUseCase {
  ref: string;
  team: string;
  created: number;
  states: State[];
  failedRun: boolean;
}

function timeline(created: number, now: number): State[] {
  const levels = Math.floor(random() * 3);
  const scoreChanges = Math.floor(random() * 5);
  const reachedAt = created + (5 + random() * 85) * DAY_MS;
  const reached = random() < 0.45 && reachedAt < now ? reachedAt : null;
  const changes: Array<{ at: number; kind: 'level' | 'score' | 'production' }> =
    [
      ...Array.from({ length: levels }, (_, l) => ({
        at: created + ((l + 1) / (levels + 1)) * (now - created),
        kind: 'level' as const,
      })),
      ...Array.from({ length: scoreChanges }, () => ({
        at: created + random() * (now - created),
        kind: 'score' as const,
      })),
      ...(reached ? [{ at: reached, kind: 'production' as const }] : []),
    ].sort((a, b) => a.at - b.at);

  let state: State = {
    at: created,
    level: 0,
    score: Math.round(random() * 30),
    lifecycle: 'experimental',
  };
  const states = [state];
  for (const change of changes) {
    state = { ...state, at: change.at };
    if (change.kind === 'level') {
      state.level += 1;
      state.score = Math.min(100, state.score + 10 + Math.round(random() * 20));
    } else if (change.kind === 'score') {
      const step = 1 + Math.round(random() * 9);
      state.score = Math.max(
        0,
        Math.min(100, state.score + (random() < 0.7 ? step : -step)),
      );
    } else {
      state.lifecycle = 'production';
    }
    states.push(state);
  }
  return states;
}

export function simulateYear(
  useCases: number,
  teams: number,
  now: Date,
): SimulatedUseCase[] {
  return Array.from({ length: useCases }, (_, i) => {
    const created = now.getTime() - random() * DAYS * DAY_MS;
    return {
      ref: `component:default/uc-${i}`,
      team: `group:default/team-${i % teams}`,
      created,
      states: timeline(created, now.getTime()),
      failedRun: random() < 0.05,
    };
  });
}

export function finalState(useCase: SimulatedUseCase): State {
  return useCase.states[useCase.states.length - 1];
}

function catalogUseCase(
  useCase: SimulatedUseCase,
  state: State,
): CatalogUseCase {
  return {
    entityRef: useCase.ref,
    title: useCase.ref.split('/')[1],
    type: 'ml-model',
    lifecycle: state.lifecycle,
    teamRef: useCase.team,
    templateRef: TEMPLATE,
    createdAt: null,
    maturity: {
      level: state.level,
      score: state.score,
      failingChecks: state.level < 2 ? ['cd', 'monitoring'] : [],
    },
  };
}

/** What the snapshots of the year wrote for one use case, replayed through diffEntity. */
function replay(useCase: SimulatedUseCase) {
  let row: EntityRow | undefined;
  const events: EventRow[] = [];
  const scores = new Map<string, ScoreRow>();
  for (const state of useCase.states) {
    const change = diffEntity(
      row,
      catalogUseCase(useCase, state),
      iso(state.at),
      iso(useCase.created),
    );
    if (change) {
      row = change.row;
      events.push(...change.events);
      // A later change on the same day overwrites the day's score, as the upsert does.
      if (change.score) scores.set(change.score.day, change.score);
    }
  }
  const runs: RunRow[] = [
    ...(useCase.failedRun
      ? [
          {
            task_id: uuid(),
            entity_ref: useCase.ref,
            template_ref: TEMPLATE,
            outcome: 'failed' as const,
            at: iso(useCase.created - 3_600_000),
          },
        ]
      : []),
    {
      task_id: uuid(),
      entity_ref: useCase.ref,
      template_ref: TEMPLATE,
      outcome: 'succeeded',
      at: iso(useCase.created),
    },
  ];
  return { row: row!, events, scores: [...scores.values()], runs };
}

function stateAt(useCase: SimulatedUseCase, time: number): State | undefined {
  let found: State | undefined;
  for (const state of useCase.states) {
    if (state.at > time) break;
    found = state;
  }
  return found;
}

/** Writes the year into the store; today's rollups are left to refreshRollups. */
export async function loadYear(
  store: HistoryStore,
  useCases: SimulatedUseCase[],
  today: string,
) {
  for (let i = 0; i < useCases.length; i += 5000) {
    const replayed = useCases.slice(i, i + 5000).map(replay);
    await store.insertRuns(replayed.flatMap(r => r.runs));
    await store.applyChanges(
      replayed.map(r => ({ row: r.row, events: r.events })),
    );
    await store.insertScores(replayed.flatMap(r => r.scores));
  }

  const byTeam = new Map<string, SimulatedUseCase[]>();
  for (const useCase of useCases) {
    const members = byTeam.get(useCase.team);
    if (members) {
      members.push(useCase);
    } else {
      byTeam.set(useCase.team, [useCase]);
    }
  }
  for (let d = DAYS - 1; d >= 1; d--) {
    const day = addDays(today, -d);
    const end = Date.parse(`${day}T23:59:59.999Z`);
    const rows: TeamDayRow[] = [];
    const organisation: number[] = [];
    for (const [team, members] of byTeam) {
      const levels: number[] = [];
      for (const useCase of members) {
        const state = stateAt(useCase, end);
        if (state) levels.push(state.level);
      }
      organisation.push(...levels);
      if (levels.length) rows.push(teamDayRow(team, day, levels));
    }
    if (organisation.length) {
      rows.push(teamDayRow(ORGANISATION, day, organisation));
    }
    await store.insertTeamDays(rows);
  }
}

/** The catalog at the end of the year, for the on-request baseline. */
export function catalogEntities(useCases: SimulatedUseCase[]): Entity[] {
  return useCases.map(useCase => {
    const state = finalState(useCase);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: useCase.ref.split('/')[1],
        namespace: 'default',
        annotations: {
          'landingzone.ml/maturity-level': String(state.level),
          'landingzone.ml/maturity-score': String(state.score),
          'landingzone.ml/created-at': iso(useCase.created),
          'backstage.io/source-template': TEMPLATE,
        },
      },
      spec: {
        type: 'ml-model',
        lifecycle: state.lifecycle,
        owner: useCase.team.split('/')[1],
      },
    };
  });
}
