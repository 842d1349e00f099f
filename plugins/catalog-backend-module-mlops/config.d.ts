export interface Config {
  mlops?: {
    /**
     * The maturity model. Everything is optional: without it the default model applies.
     * Conditions use the @backstage/filter-predicates syntax and are compiled once at start-up.
     */
    maturity?: {
      /**
       * Rename levels or add new ones, matched by `level` number.
       * @visibility frontend
       */
      levels?: Array<{
        /** @visibility frontend */
        level: number;
        /** @visibility frontend */
        name?: string;
        /** @visibility frontend */
        description?: string;
      }>;
      /**
       * Add checks, or override fields of the check with the same id.
       * @visibility frontend
       */
      checks?: Array<{
        /** @visibility frontend */
        id: string;
        /** @visibility frontend */
        title?: string;
        /** @visibility frontend */
        level?: number;
        /** Check group, e.g. "core" or "llm". @visibility frontend */
        group?: string;
        /** Whether the level requires this check (default true). @visibility frontend */
        required?: boolean;
        /** Why the check matters. @visibility frontend */
        description?: string;
        /** @visibility frontend */
        remediation?: string;
        /** Ref of a template that fixes the check, e.g. template:default/batch-training. @visibility frontend */
        templateRef?: string;
        /**
         * Filter predicate on the entity that passes the check.
         * @visibility frontend
         * @deepVisibility frontend
         */
        condition?: any;
        /**
         * Filter predicate selecting the entities the check applies to (default: all ML entities).
         * @visibility frontend
         * @deepVisibility frontend
         */
        appliesTo?: any;
        /**
         * The observation that proves the check: the latest fact of `type` (training-run,
         * model-version, evaluation, deployment, drift-check, retraining, ci-run, repository)
         * matching `where` (a filter predicate on the fact, e.g. `data.passed: true`), no
         * older than `within` (ISO-8601 duration, e.g. P30D). `version: deployed` ties it to
         * the version in production, `not-deployed` to another one. `null` drops a default's fact.
         * @visibility frontend
         * @deepVisibility frontend
         */
        fact?: any;
      }>;
      /**
       * Ids of default checks to drop.
       * @visibility frontend
       */
      disabledChecks?: string[];
      /**
       * Which entities count as ML use cases.
       * @visibility frontend
       */
      /**
       * What counts toward a level: `observed` (default; a check that a source can observe
       * passes only on a fresh fact) or `declared` (annotations count too, marked self-declared).
       * @visibility frontend
       */
      evidence?: 'observed' | 'declared';
      /** How often the catalog refreshes its in-memory copy of the latest facts (default 60). */
      factsRefreshSeconds?: number;
      entityFilter?: {
        /** Entity kinds, default ["Component"]. @visibility frontend */
        kinds?: string[];
        /** spec.type values, default ml-model, ml-pipeline, ml-service, llm-app. @visibility frontend */
        types?: string[];
      };
    };
  };
}
