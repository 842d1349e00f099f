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
      /**
       * Seeds a plausible year of generated history for the entities in the catalog on
       * the first snapshot, and labels every API response `demo: true`. Development only.
       * Defaults to false.
       * @visibility backend
       */
      demo?: boolean;
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
  };
}
