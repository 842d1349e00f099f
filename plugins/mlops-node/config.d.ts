export interface Config {
  mlops?: {
    /**
     * The maturity model. Everything is optional: without it the default model applies.
     * Read once per backend process (maturityModelServiceRef); the frontend gets it from the
     * mlops backend's `GET /api/mlops/model`, so nothing here is visible to the frontend.
     * Conditions use the @backstage/filter-predicates syntax and are compiled once at start-up.
     */
    maturity?: {
      /** Rename levels or add new ones, matched by `level` number. */
      levels?: Array<{
        level: number;
        name?: string;
        description?: string;
      }>;
      /** Add checks, or override fields of the check with the same id. */
      checks?: Array<{
        id: string;
        title?: string;
        level?: number;
        /** Check group, e.g. "core" or "llm". */
        group?: string;
        /** Whether the level requires this check (default true). */
        required?: boolean;
        /** Why the check matters. */
        description?: string;
        remediation?: string;
        /** Ref of a template that fixes the check, e.g. template:default/batch-training. */
        templateRef?: string;
        /** Filter predicate on the entity that passes the check. */
        condition?: any;
        /** Filter predicate selecting the entities the check applies to (default: all ML entities). */
        appliesTo?: any;
        /**
         * The observation that proves the check: the latest fact of `type` (training-run,
         * model-version, evaluation, deployment, drift-check, retraining, ci-run, repository)
         * matching `where` (a filter predicate on the fact, e.g. `data.passed: true`), no
         * older than `within` (ISO-8601 duration, e.g. P30D). `version: deployed` ties it to
         * the version in production, `not-deployed` to another one. `null` drops a default's fact.
         */
        fact?: any;
      }>;
      /** Ids of default checks to drop. */
      disabledChecks?: string[];
      /**
       * What counts toward a level: `observed` (default; a check that a source can observe
       * passes only on a fresh fact) or `declared` (annotations count too, marked self-declared).
       */
      evidence?: 'observed' | 'declared';
      /** Which entities count as ML use cases. */
      entityFilter?: {
        /** Entity kinds, default ["Component"]. */
        kinds?: string[];
        /** spec.type values, default ml-model, ml-pipeline, ml-service, llm-app. */
        types?: string[];
      };
    };
  };
}
