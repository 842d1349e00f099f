import { HumanDuration } from '@backstage/types';

export interface Config {
  mlops?: {
    // The ML component types are the maturity model's (`mlops.maturity.entityFilter.types`,
    // declared in @landing-zone/plugin-mlops-node): what is scored is what the history tracks.
    history?: {
      /**
       * How often the snapshot task reads the catalog. Rollups are per day, so any
       * frequency up to a day gives the same history; shorter only makes it fresher.
       * Defaults to every 10 minutes.
       * @visibility backend
       */
      schedule?: {
        frequency: HumanDuration | { cron: string };
        timeout?: HumanDuration;
        initialDelay?: HumanDuration;
      };
      /**
       * Days of history kept; older events, score changes and daily rollups are deleted.
       * Defaults to 730.
       * @visibility backend
       */
      retentionDays?: number;
      // Demo history is not configured here: a development backend adds
      // mlopsDemoHistoryModule (`@landing-zone/plugin-mlops-backend/dev`).
    };

    value?: {
      /**
       * Hours a team spent onboarding one use case by hand before the landing zone.
       * Defaults to 80.
       * @visibility backend
       */
      manualOnboardingHours?: number;
      /**
       * Measured hours one use case needs through the self-serve golden path.
       * Defaults to 4.
       * @visibility backend
       */
      selfServeHours?: number;
      /**
       * Cost of one engineering hour, in `currency`. Defaults to 100.
       * @visibility backend
       */
      hourlyCost?: number;
      /**
       * ISO-4217 currency code of `hourlyCost`. Defaults to USD.
       * @visibility backend
       */
      currency?: string;
    };

    /** Facts: observations pushed to POST /api/mlops/facts or pulled by collectors. */
    facts?: {
      /**
       * Who may push facts about which entities. Each entry names a principal subject (an
       * external-access token's `subject`, or `plugin:<pluginId>` for a service token) and
       * entity ref patterns where `*` matches any characters (`component:default/*`).
       * Without this list every service principal allowed `mlops.fact.create` may write
       * any entity; with it, subjects not listed may write none.
       * @visibility backend
       */
      writers?: Array<{
        subject: string;
        entities: string[];
      }>;
      retention?: {
        /**
         * Days of fact history kept. The latest fact per entity × type (per environment
         * for deployments, per alias for model versions) stays while the entity exists.
         * Defaults to 400.
         * @visibility backend
         */
        days?: number;
        /**
         * Days per fact type, overriding `days`, e.g. `{ drift-check: 90 }`.
         * @visibility backend
         */
        byType?: { [type: string]: number };
        /**
         * Days within which every fact is kept. Older facts of `thinnedTypes` go, except
         * notable ones (breached drift checks, failed CI runs and evaluations), the latest
         * per entity × type, and one per `thinningBucketDays`. Defaults to 7.
         * @visibility backend
         */
        detailDays?: number;
        /**
         * Past `detailDays`, keep the newest routine fact per entity × type in each bucket of
         * this many days (e.g. 30 for a monthly trend). Defaults to 0: keep none.
         * @visibility backend
         */
        thinningBucketDays?: number;
        /**
         * Fact types thinned past `detailDays`. Defaults to training-run, drift-check,
         * ci-run, repository, evaluation (deployments, model versions and retraining are
         * events the flow metrics count, and are never thinned).
         * @visibility backend
         */
        thinnedTypes?: string[];
        /**
         * When the retention task runs. Defaults to every 24 hours.
         * @visibility backend
         */
        schedule?: {
          frequency: HumanDuration | { cron: string };
          timeout?: HumanDuration;
          initialDelay?: HumanDuration;
        };
      };
    };

    /** Fact collectors, run on the Backstage scheduler (one replica runs each). */
    collectors?: {
      /**
       * Cadence of every collector. Defaults to every 30 minutes, first run a minute
       * after start.
       * @visibility backend
       */
      schedule?: {
        frequency: HumanDuration | { cron: string };
        timeout?: HumanDuration;
        initialDelay?: HumanDuration;
      };
      repository?: {
        /**
         * Reads each use case's repository (source location) through the UrlReaderService
         * for CI, container, pipeline, tests, model card and monitoring files. Defaults to true.
         * @visibility backend
         */
        enabled?: boolean;
      };
      /** Without `baseUrl` there is no MLflow collector. */
      mlflow?: {
        /**
         * The MLflow tracking server, e.g. http://mlflow.internal:5000.
         * @visibility backend
         */
        baseUrl: string;
        /**
         * Latest runs read per experiment. Defaults to 20.
         * @visibility backend
         */
        maxRuns?: number;
        /**
         * Bearer token for an MLflow server behind authentication.
         * @visibility secret
         */
        token?: string;
      };
    };
  };
}
