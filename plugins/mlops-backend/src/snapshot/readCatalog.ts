import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ECOSYSTEM_ANNOTATIONS,
  USE_CASE_ANNOTATIONS,
} from '@landing-zone/plugin-mlops-common';
import { CatalogUseCase } from './CatalogUseCase';
import { readMaturity } from './readMaturity';
import { productionDeploymentAt, UseCaseEvidence } from './useCaseEvidence';

const PAGE_SIZE = 500;

/** Only the fields a snapshot uses: keeps pages small on a large catalog. */
const USE_CASE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  // What checks read besides annotations, for evaluating on facts.
  'spec.dependsOn',
  'relations',
];

const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
];

function validInstant(raw: string | undefined): string | null {
  if (!raw) {
    return null;
  }
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function ownerRef(entity: Entity): string {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.length === 0) {
    return 'group:default/unowned';
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return 'group:default/unowned';
  }
}

/** Turns a (field-limited) catalog entity into what the snapshot stores. */
export function toCatalogUseCase(entity: Entity): CatalogUseCase {
  const annotations = entity.metadata.annotations ?? {};
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    type: String(entity.spec?.type ?? ''),
    lifecycle: String(entity.spec?.lifecycle ?? 'unknown'),
    teamRef: ownerRef(entity),
    templateRef: annotations[ECOSYSTEM_ANNOTATIONS.sourceTemplate] || null,
    createdAt: validInstant(annotations[USE_CASE_ANNOTATIONS.createdAt]),
    maturity: readMaturity(annotations),
  };
}

/**
 * Evaluates a page of entities on their latest facts (one fact query per page): level,
 * score and failing checks as observed now, and the production deployment.
 */
async function evaluatePage(
  page: Entity[],
  evidence: UseCaseEvidence,
): Promise<CatalogUseCase[]> {
  const refs = page.map(entity => stringifyEntityRef(entity));
  const factsByRef = await evidence.facts.latestFacts(refs);
  const now = (evidence.now ?? new Date()).getTime();
  return page.map((entity, i) => {
    const facts = factsByRef.get(refs[i].toLocaleLowerCase('en-US'));
    const summary = evidence.compiled.summarize(entity, { facts, now });
    return {
      ...toCatalogUseCase(entity),
      maturity: {
        level: summary.level,
        score: summary.score,
        failingChecks: summary.failingChecks,
        observable: summary.observable,
        observed: summary.observed,
      },
      productionDeployedAt: productionDeploymentAt(facts),
    };
  });
}

/**
 * Reads every ML use case from the catalog, page by page. With `evidence` each page is
 * evaluated on its facts; without, the levels are those the catalog processor wrote.
 */
export async function readCatalogUseCases(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  mlTypes: string[],
  evidence?: UseCaseEvidence,
): Promise<CatalogUseCase[]> {
  const useCases: CatalogUseCase[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: 'component', 'spec.type': mlTypes },
      fields: USE_CASE_FIELDS,
      pageSize: PAGE_SIZE,
    },
    { credentials },
  )) {
    if (evidence) {
      for (const useCase of await evaluatePage(page, evidence))
        useCases.push(useCase);
      continue;
    }
    for (const entity of page) {
      useCases.push(toCatalogUseCase(entity));
    }
  }
  return useCases;
}

/** Display names of all groups, keyed by entity ref. */
export async function readTeamTitles(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for await (const page of catalog.streamEntities(
    { filter: { kind: 'group' }, fields: GROUP_FIELDS, pageSize: PAGE_SIZE },
    { credentials },
  )) {
    for (const group of page) {
      const profile = group.spec?.profile as
        | { displayName?: string }
        | undefined;
      titles.set(
        stringifyEntityRef(group),
        profile?.displayName ?? group.metadata.title ?? group.metadata.name,
      );
    }
  }
  return titles;
}
