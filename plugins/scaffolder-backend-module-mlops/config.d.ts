export interface Config {
  mlops?: {
    /**
     * Guardrails checked by mlops:guardrails:check before anything is written. A group left
     * out imposes no rule.
     */
    guardrails?: {
      /**
       * Data classification → regions its data may live in, e.g. `health: [ca]`.
       * @visibility backend
       */
      residency?: { [classification: string]: string[] };
      gpuBudget?: {
        /**
         * Compute tier → ceiling in GPU-hours per month, e.g. `gpu-large: 1000`.
         * @visibility backend
         */
        ceilings?: { [computeTier: string]: number };
        /**
         * Per-team overrides of the ceilings.
         * @visibility backend
         */
        teams?: Array<{
          /** Group entity ref, e.g. "group:default/vision". */
          team: string;
          ceilings: { [computeTier: string]: number };
        }>;
      };
      /**
       * Data classification (or `default`) → approved LLM providers.
       * @visibility backend
       */
      modelProviders?: { [classification: string]: string[] };
      naming?: {
        /**
         * Regular expression every use-case name must match.
         * @visibility backend
         */
        pattern?: string;
        /**
         * Maximum length of a use-case name.
         * @visibility backend
         */
        maxLength?: number;
        /**
         * Words (between hyphens) a name may not contain, e.g. test, tmp.
         * @visibility backend
         */
        forbiddenWords?: string[];
      };
    };
    /** Where golden paths publish new repositories. */
    publish?: {
      /**
       * Publisher the templates use: `local` (embedded default), `github` or `gitlab`.
       * @visibility backend
       */
      target?: 'local' | 'github' | 'gitlab';
      /**
       * The embedded local publisher. Configuring it also lets the catalog read `file`
       * locations, but only inside `repositoriesDir`.
       */
      local?: {
        /**
         * Directory of the local git repositories, relative to the backend's working
         * directory. Default: landing-zone/repositories in the user's data directory
         * (XDG_DATA_HOME or ~/.local/share on Linux), outside the portal's source tree.
         * @visibility backend
         */
        repositoriesDir?: string;
        /**
         * Branch of the first commit. Default: main
         * @visibility backend
         */
        defaultBranch?: string;
      };
      github?: {
        /**
         * GitHub host. Default: github.com
         * @visibility backend
         */
        host?: string;
        /**
         * Organisation or user that owns new repositories.
         * @visibility backend
         */
        owner: string;
      };
      gitlab?: {
        /**
         * GitLab host. Default: gitlab.com
         * @visibility backend
         */
        host?: string;
        /**
         * Group that owns new projects.
         * @visibility backend
         */
        owner: string;
      };
    };
  };
}
