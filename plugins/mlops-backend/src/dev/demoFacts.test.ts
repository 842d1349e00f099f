import { Entity } from '@backstage/catalog-model';
import {
  compileMaturityModel,
  defaultMaturityModel,
} from '@landing-zone/plugin-mlops-common';
import { DEMO_SOURCE, demoFactsFor, isContradictedTeam } from './demoFacts';

const NOW = Date.parse('2026-12-01T12:00:00Z');

const useCase = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'mlflow.org/experiment': name,
      'landingzone.ml/model-registry': 'mlflow',
      'landingzone.ml/ci': 'github-actions',
      'landingzone.ml/container-image': 'registry/x',
      'landingzone.ml/cd': 'argocd',
      'landingzone.ml/validation-gate': 'true',
      'landingzone.ml/drift-detection': 'evidently',
      'landingzone.ml/retraining-trigger': 'drift',
      'landingzone.ml/rollback': 'true',
    },
  },
  spec: { type: 'ml-model', owner, lifecycle: 'production' },
});

describe('demo facts', () => {
  const teams = Array.from({ length: 30 }, (_, i) => `group:default/team-${i}`);
  const entities = teams.flatMap(team =>
    [1, 2, 3].map(i => useCase(`${team.slice(14)}-model-${i}`, team)),
  );
  const compiled = compileMaturityModel(defaultMaturityModel);
  const statuses = new Set<string>();
  for (const entity of entities) {
    const facts = demoFactsFor(entity, NOW);
    for (const check of compiled.evaluate(entity, { facts, now: NOW }).checks) {
      statuses.add(check.evidence.status);
    }
  }

  it('shows every evidence state on a demo catalog', () => {
    expect([...statuses].sort()).toEqual([
      'contradicted',
      'declared',
      'missing',
      'observed',
      'stale',
    ]);
    expect(teams.some(isContradictedTeam)).toBe(true);
    expect(teams.some(team => !isContradictedTeam(team))).toBe(true);
  });

  it('labels every fact as demo, never in the future, stable ids per day', () => {
    const entity = entities[0];
    const facts = demoFactsFor(entity, NOW);
    expect(facts.length).toBeGreaterThan(3);
    for (const fact of facts) {
      expect(fact.source).toBe(DEMO_SOURCE);
      expect(fact.data.demo).toBe(true);
      expect(Date.parse(fact.observedAt)).toBeLessThan(NOW);
    }
    expect(demoFactsFor(entity, NOW + 3_600_000).map(f => f.id)).toEqual(
      facts.map(f => f.id),
    );
  });
});
