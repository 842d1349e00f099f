import {
  BackstageServicePrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityFactsResponse,
  FACT_LIMITS,
  FACT_TYPES,
  FactType,
  mlopsFactCreatePermission,
  mlopsScorecardReadPermission,
  validateFactBatch,
} from '@landing-zone/plugin-mlops-common';
import Router from 'express-promise-router';
import { authorize } from '../../router/authorize';
import { FactsConfig } from '../config/readFactsConfig';
import { FactStore } from '../FactStore';
import { compileFactWriters } from './factWriters';
import { PayloadTooLargeError } from './httpErrors';
import { parseFactsBody } from './parseFactsBody';

export interface FactsRouterOptions {
  store: FactStore;
  config: FactsConfig;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  /** Ids of the registered collectors, whose status every timeline shows. */
  collectorIds: () => string[];
}

function readTimelineQuery(query: Record<string, unknown>) {
  const { since, types, limit } = query;
  const result: { since?: Date; types?: FactType[]; limit?: number } = {};
  if (since !== undefined) {
    const millis = typeof since === 'string' ? Date.parse(since) : NaN;
    if (Number.isNaN(millis)) {
      throw new InputError('since: expected an ISO-8601 date-time');
    }
    result.since = new Date(millis);
  }
  if (types !== undefined) {
    const list = typeof types === 'string' ? types.split(',') : [];
    const bad = list.find(t => !FACT_TYPES.includes(t as FactType));
    if (list.length === 0 || bad !== undefined) {
      throw new InputError(
        `types: expected a comma-separated list of ${FACT_TYPES.join(', ')}`,
      );
    }
    result.types = list as FactType[];
  }
  if (limit !== undefined) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) {
      throw new InputError('limit: expected a whole number from 1 to 1000');
    }
    result.limit = n;
  }
  return result;
}

/**
 * The fact routes: POST /facts (pipelines, CI; service principals only) and the entity
 * timeline GET /entities/{kind}/{namespace}/{name}/facts (catalog read access applies).
 */
export function createFactsRouter(options: FactsRouterOptions) {
  const { store, httpAuth, permissions, catalog, logger } = options;
  const assertMayWrite = compileFactWriters(options.config.writers);
  const router = Router();

  // Authentication and permission come before the body is read: an unknown caller learns
  // nothing about the limits and costs no parsing.
  router.post('/facts', async (req, res, next) => {
    // Facts come from pipelines and CI (external-access tokens) and from other plugins
    // (service tokens); a user's browser session has no business writing evidence.
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const [decision] = await permissions.authorize(
      [{ permission: mlopsFactCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${mlopsFactCreatePermission.name}`,
      );
    }
    res.locals.principal = credentials.principal;
    next();
  });

  router.post('/facts', parseFactsBody, async (req, res) => {
    const principal = res.locals.principal as BackstageServicePrincipal;
    const facts = req.body?.facts;
    if (Array.isArray(facts) && facts.length > FACT_LIMITS.maxBatch) {
      throw new PayloadTooLargeError(
        `facts: expected at most ${FACT_LIMITS.maxBatch} facts per request, got ${facts.length}`,
      );
    }
    const validation = validateFactBatch(req.body);
    if (!validation.ok) {
      throw new InputError(validation.errors.join('; '));
    }
    assertMayWrite(principal, validation.facts);
    const result = await store.upsertFacts(validation.facts);
    const sources = [...new Set(validation.facts.map(f => f.source))];
    for (const source of sources) {
      await store.recordSourceSuccess(source);
    }
    logger.info(
      `mlops: ${principal.subject} pushed ${
        validation.facts.length
      } facts from ${sources.join(', ')}: ` +
        `${result.accepted} new, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    res.json(result);
  });

  router.get('/entities/:kind/:namespace/:name/facts', async (req, res) => {
    const credentials = await authorize(req, mlopsScorecardReadPermission, {
      httpAuth,
      permissions,
    });
    const query = readTimelineQuery(req.query);
    const entityRef = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    }).toLocaleLowerCase('en-US');
    // The caller's own credentials: an entity they may not see is a 404, like a missing one.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`Entity ${entityRef} not found`);
    }
    const sources = [
      ...new Set([
        ...(await store.sourcesOf(entityRef)),
        ...options.collectorIds(),
      ]),
    ].sort();
    const statuses = new Map(
      (await store.sourceStatuses(sources)).map(s => [s.source, s]),
    );
    const body: EntityFactsResponse = {
      entityRef,
      facts: await store.listFacts(entityRef, query),
      // A collector that has not run yet has no status row, but is still listed.
      sources: sources.map(source => statuses.get(source) ?? { source }),
    };
    res.json(body);
  });

  return router;
}
