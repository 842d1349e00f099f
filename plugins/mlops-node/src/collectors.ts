import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Fact } from '@landing-zone/plugin-mlops-common';

/**
 * What a collector gets on each scheduled run.
 *
 * @public
 */
export interface FactCollectorContext {
  /**
   * The ML use cases in the catalog (components of the configured ML types), read once per
   * run with the mlops plugin's own credentials. A collector picks those it can observe,
   * e.g. by annotation.
   */
  entities: Entity[];
  logger: LoggerService;
  /** The run's start, to stamp `observedAt` when the source does not say. */
  now: Date;
  /** Aborted when the run exceeds its timeout. */
  signal: AbortSignal;
}

/**
 * A source of facts the mlops backend polls on the Backstage scheduler.
 *
 * `collect` returns the facts it observed now. Every fact must name `source: id` and one of
 * `ctx.entities`, and pass the same validation as a push; otherwise the whole run counts as
 * failed. A run that throws (the source is down, answers garbage) stores nothing: the
 * facts of earlier runs stay, one warning is logged, and the source's status records the
 * failure so the entity card can say since when it has failed.
 *
 * @public
 */
export interface FactCollector {
  /** Unique among collectors; also the `source` of every fact it returns. */
  id: string;
  collect(ctx: FactCollectorContext): Promise<Fact[]>;
}

/**
 * Registers fact collectors.
 *
 * @public
 */
export interface MlopsFactCollectorsExtensionPoint {
  addCollector(collector: FactCollector): void;
}

/**
 * The extension point of the mlops backend plugin for fact collectors. A backend module adds
 * a source (Argo CD, GitHub Actions, Prometheus, a cost API) without forking:
 *
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'mlops',
 *   moduleId: 'argocd-facts',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { collectors: mlopsFactCollectorsExtensionPoint },
 *       async init({ collectors }) {
 *         collectors.addCollector({ id: 'argocd', collect: async ctx => [] });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const mlopsFactCollectorsExtensionPoint =
  createExtensionPoint<MlopsFactCollectorsExtensionPoint>({
    id: 'mlops.fact-collectors',
  });
