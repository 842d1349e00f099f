/*
 * Benchmark (not a test): maturity evaluation throughput of our compiled model against
 * json-rules-engine (what Backstage Tech Insights runs checks on), on the same varied
 * ML entities and the same default checks. Prints entities/s and the ratio next to the
 * targets (≥ 500,000 entities/s, ≥ 50× json-rules-engine); writes JSON to
 * $BENCH_RESULTS_DIR/evaluate.json.
 *
 * Speed never fails the run; disagreement does: on the json-rules-engine subset, the level
 * (and failing checks) both evaluators compute must be equal for every entity, or it exits 1.
 *
 * Sizes: LZ_BENCH_ENTITIES (default 100,000), LZ_BENCH_JRE_ENTITIES (default 5,000),
 * LZ_BENCH_ROUNDS (default 5).
 */
/* eslint-disable no-console -- a benchmark is a program that prints its figures */
import type { Entity } from '@backstage/catalog-model';
import {
  compileMaturityModel,
  defaultMaturityModel,
  evaluateMaturity,
} from '../src';
// scripts/ is no package: the helper every bench shares, inlined by scripts/bench.js.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  median,
  msSince,
  verdict,
  writeBenchResults,
} from '../../../scripts/benchSupport';
import { generateLatestFacts } from './generateFacts';
import { generateMlEntities } from './generateMlEntities';
import { createRulesEngineEvaluator } from './jsonRulesEngineModel';

const ENTITIES = Number(process.env.LZ_BENCH_ENTITIES ?? 100_000);
const JRE_ENTITIES = Math.min(
  ENTITIES,
  Number(process.env.LZ_BENCH_JRE_ENTITIES ?? 5_000),
);
const ROUNDS = Number(process.env.LZ_BENCH_ROUNDS ?? 5);
const TARGET_RATE = 500_000;
const TARGET_RATIO = 50;

// Results are summed into a sink that is printed, so no evaluation can be optimised away.
let sink = 0;

/** Median entities/s over the rounds, after one untimed warm-up pass (JIT, caches). */
function rate<T>(items: T[], evaluate: (item: T) => number) {
  for (const item of items) sink += evaluate(item);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (const item of items) sink += evaluate(item);
    samples.push(items.length / (msSince(start) / 1000));
  }
  return Math.round(median(samples));
}

async function rateAsync<T>(
  items: T[],
  evaluate: (item: T) => Promise<number>,
) {
  for (const item of items.slice(0, 500)) sink += await evaluate(item);
  const samples: number[] = [];
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    const start = performance.now();
    for (const item of items) sink += await evaluate(item);
    samples.push(items.length / (msSince(start) / 1000));
  }
  return Math.round(median(samples));
}

const format = (n: number) => n.toLocaleString('en-US');

async function main() {
  const built = generateMlEntities(ENTITIES);
  // Entities as the catalog hands them to processors: parsed from the JSON it stores. V8
  // lays out parsed objects differently from objects built key by key, which reads slower
  // with this many distinct annotation sets; both are measured.
  const entities: Entity[] = JSON.parse(JSON.stringify(built));
  const subset = entities.slice(0, JRE_ENTITIES);
  // Declarations only (evidence mode `declared`, no facts): the annotation semantics that
  // json-rules-engine can express, and the figure comparable with earlier runs.
  const annotationModel = {
    ...defaultMaturityModel,
    evidence: 'declared' as const,
  };
  const compiled = compileMaturityModel(annotationModel);
  const levels = [0, 0, 0];
  for (const entity of entities) levels[compiled.summarize(entity).level]++;
  console.log(
    `${format(ENTITIES)} entities, levels 0/1/2: ${levels.join('/')}; ` +
      `${annotationModel.checks.length} checks, ${ROUNDS} rounds (median)`,
  );

  // Agreement first: a fast evaluator that computes the wrong level is worthless.
  const engine = createRulesEngineEvaluator(annotationModel);
  let levelMismatches = 0;
  let failingMismatches = 0;
  for (const entity of subset) {
    const theirs = await engine.evaluate(entity);
    const summary = compiled.summarize(entity);
    const full = compiled.evaluate(entity);
    if (theirs.level !== summary.level || theirs.level !== full.level) {
      if (levelMismatches++ < 5) {
        console.log(
          'level mismatch',
          entity.metadata.name,
          theirs,
          summary.level,
          full.level,
        );
      }
    }
    if (theirs.failingChecks.join(',') !== summary.failingChecks.join(',')) {
      if (failingMismatches++ < 5) {
        console.log(
          'failing-checks mismatch',
          entity.metadata.name,
          theirs,
          summary.failingChecks,
        );
      }
    }
  }

  const summarize = rate(entities, e => compiled.summarize(e).level);
  const summarizeBuilt = rate(built, e => compiled.summarize(e).level);
  const evaluate = rate(entities, e => compiled.evaluate(e).level);
  const publicApi = rate(
    entities,
    e => evaluateMaturity(e, annotationModel).level,
  );

  // With facts: the default model (evidence mode `observed`) on each entity's latest facts,
  // as the snapshot and the catalog processor evaluate it.
  const now = Date.now();
  const factsByRef = generateLatestFacts(entities, now);
  const withFacts = entities.map(entity => ({
    entity,
    context: {
      facts: factsByRef.get(
        `component:default/${entity.metadata.name}`.toLowerCase(),
      ),
      now,
    },
  }));
  const observedModel = compileMaturityModel(defaultMaturityModel);
  const factLevels = [0, 0, 0];
  let factCount = 0;
  for (const { entity, context } of withFacts) {
    factLevels[observedModel.summarize(entity, context).level]++;
    factCount += context.facts?.length ?? 0;
  }
  // The snapshot reads new fact arrays each run, so it indexes every entity's facts once:
  // measured on fresh copies, one pass per round. The processor keeps its arrays between
  // refreshes and hits the per-array index (the rate below).
  const freshSamples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const fresh = withFacts.map(({ entity, context }) => ({
      entity,
      context: { ...context, facts: context.facts?.slice() },
    }));
    const start = performance.now();
    for (const { entity, context } of fresh) {
      sink += observedModel.summarize(entity, context).level;
    }
    freshSamples.push(fresh.length / (msSince(start) / 1000));
  }
  const summarizeFreshFacts = Math.round(median(freshSamples));
  const summarizeFacts = rate(
    withFacts,
    ({ entity, context }) => observedModel.summarize(entity, context).level,
  );
  const evaluateFacts = rate(
    withFacts,
    ({ entity, context }) => observedModel.evaluate(entity, context).level,
  );
  const jre = await rateAsync(
    subset,
    async e => (await engine.evaluate(e)).level,
  );
  const ratio = summarize / jre;
  const ratioFull = evaluate / jre;

  console.log(
    `ours, compiled summarize (catalog processor path): ${format(
      summarize,
    )} entities/s ` +
      `[target ≥ ${format(TARGET_RATE)}: ${verdict(summarize >= TARGET_RATE)}]`,
  );
  console.log(
    `  same, on objects built in JS rather than parsed:  ${format(
      summarizeBuilt,
    )} entities/s`,
  );
  console.log(
    `ours, compiled evaluate (full, with reasons):       ${format(
      evaluate,
    )} entities/s ` +
      `[target ≥ ${format(TARGET_RATE)}: ${verdict(evaluate >= TARGET_RATE)}]`,
  );
  console.log(
    `ours, evaluateMaturity(entity) (public function):   ${format(
      publicApi,
    )} entities/s`,
  );
  console.log(
    `with facts (${format(
      factCount,
    )} latest facts, levels 0/1/2: ${factLevels.join('/')}):\n` +
      `  summarize on fresh facts (snapshot path):   ${format(
        summarizeFreshFacts,
      )} entities/s\n` +
      `  summarize on held facts (processor path):   ${format(
        summarizeFacts,
      )} entities/s\n` +
      `  evaluate on facts (full, with evidence):          ${format(
        evaluateFacts,
      )} entities/s`,
  );
  console.log(
    `json-rules-engine 7 (${engine.rules} rules, ${engine.facts} flat facts, ` +
      `on the first ${format(JRE_ENTITIES)} entities): ${format(
        jre,
      )} entities/s`,
  );
  console.log(
    `ratio summarize / json-rules-engine: ${ratio.toFixed(0)}× ` +
      `[target ≥ ${TARGET_RATIO}×: ${verdict(ratio >= TARGET_RATIO)}]; ` +
      `evaluate / json-rules-engine: ${ratioFull.toFixed(0)}×`,
  );
  console.log(
    `agreement on ${format(
      JRE_ENTITIES,
    )} entities: ${levelMismatches} level mismatches, ` +
      `${failingMismatches} failing-checks mismatches (sink ${sink})`,
  );

  writeBenchResults('evaluate', {
    entities: ENTITIES,
    rounds: ROUNDS,
    levels,
    entitiesPerSecond: {
      summarize,
      summarizeOnBuiltObjects: summarizeBuilt,
      evaluate,
      evaluateMaturity: publicApi,
      summarizeWithFreshFacts: summarizeFreshFacts,
      summarizeWithFacts: summarizeFacts,
      evaluateWithFacts: evaluateFacts,
    },
    facts: { count: factCount, levels: factLevels },
    jsonRulesEngine: { entities: JRE_ENTITIES, entitiesPerSecond: jre },
    ratio: { summarize: +ratio.toFixed(1), evaluate: +ratioFull.toFixed(1) },
    mismatches: { level: levelMismatches, failingChecks: failingMismatches },
    targets: {
      entitiesPerSecond: TARGET_RATE,
      ratio: TARGET_RATIO,
      met: summarize >= TARGET_RATE && ratio >= TARGET_RATIO,
    },
  });
  if (levelMismatches + failingMismatches > 0) {
    console.error(
      'json-rules-engine and our evaluator disagree: correctness failure',
    );
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
