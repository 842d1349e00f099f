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

/** Reads every ML use case from the catalog, page by page. */
export async function readCatalogUseCases(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  mlTypes: string[],
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
