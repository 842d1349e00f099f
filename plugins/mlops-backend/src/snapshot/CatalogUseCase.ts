import { EntityMaturity } from './readMaturity';

/** What a snapshot needs to know about one ML entity in the catalog. */
export interface CatalogUseCase {
  entityRef: string;
  title: string;
  type: string;
  lifecycle: string;
  /** `spec.owner` as a full entity ref, e.g. group:default/fraud. */
  teamRef: string;
  /** `backstage.io/source-template`, if any. */
  templateRef: string | null;
  /** A valid `landingzone.ml/created-at`, normalised to ISO-8601 UTC. */
  createdAt: string | null;
  maturity: EntityMaturity;
  /**
   * The production deployment its facts show (ISO-8601), or null; undefined when the
   * snapshot ran without facts. Reached production is taken from this first and falls back
   * to `lifecycle: production` (declared) only when the entity has no such fact.
   */
  productionDeployedAt?: string | null;
}
