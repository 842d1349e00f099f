export interface Config {
  mlops?: {
    // The maturity model itself (`mlops.maturity.*`) is declared by @landing-zone/plugin-mlops-node,
    // beside its one reader (maturityModelServiceRef); this module only reads the refresh rate.
    maturity?: {
      /** How often the catalog refreshes its in-memory copy of the latest facts (default 60). */
      factsRefreshSeconds?: number;
    };
  };
}
