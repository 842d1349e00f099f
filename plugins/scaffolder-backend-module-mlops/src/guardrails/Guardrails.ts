/** The platform team's guardrails, as read from `mlops.guardrails` in app-config. */
export interface Guardrails {
  /** Data classification → regions its data may live in. Unlisted classifications: any region. */
  residency: Record<string, string[]>;
  gpuBudget: {
    /** Compute tier → GPU-hours per month ceiling for every team. */
    ceilings: Record<string, number>;
    /** Team entity ref (normalised, e.g. "group:default/x") → per-tier ceilings overriding the defaults. */
    teams: Record<string, Record<string, number>>;
  };
  /** Data classification (or "default") → approved LLM providers. */
  modelProviders: Record<string, string[]>;
  naming: {
    pattern?: string;
    maxLength?: number;
    forbiddenWords: string[];
  };
}

/** The values of a use case the guardrails look at. */
export interface GuardrailSubject {
  name: string;
  owner: string;
  dataClassification: string;
  dataResidency: string;
  computeTier: string;
  gpuBudget: number;
  modelProvider?: string;
}

export interface GuardrailViolation {
  /** The form / input field at fault, e.g. "dataResidency". */
  field: string;
  /** The config path of the rule, e.g. "mlops.guardrails.residency.health". */
  rule: string;
  /** What would have been accepted, human readable. */
  allowed: string;
  message: string;
}

export const NO_GUARDRAILS: Guardrails = {
  residency: {},
  gpuBudget: { ceilings: {}, teams: {} },
  modelProviders: {},
  naming: { forbiddenWords: [] },
};
