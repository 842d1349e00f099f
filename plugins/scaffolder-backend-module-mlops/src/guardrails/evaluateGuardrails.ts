import { normalizeTeamRef } from './normalizeTeamRef';
import { GuardrailSubject, GuardrailViolation, Guardrails } from './Guardrails';

const RULE_PREFIX = 'mlops.guardrails';

/** Every guardrail the subject breaks; an empty list means the use case may be created. */
export function evaluateGuardrails(
  guardrails: Guardrails,
  subject: GuardrailSubject,
): GuardrailViolation[] {
  return [
    ...checkNaming(guardrails, subject),
    ...checkResidency(guardrails, subject),
    ...checkGpuBudget(guardrails, subject),
    ...checkModelProvider(guardrails, subject),
  ];
}

export function describeViolation(v: GuardrailViolation): string {
  return `${v.message} (rule ${v.rule}; allowed: ${v.allowed})`;
}

function checkNaming(
  { naming }: Guardrails,
  { name }: GuardrailSubject,
): GuardrailViolation[] {
  const violations: GuardrailViolation[] = [];
  if (naming.maxLength !== undefined && name.length > naming.maxLength) {
    violations.push({
      field: 'name',
      rule: `${RULE_PREFIX}.naming.maxLength`,
      allowed: `at most ${naming.maxLength} characters`,
      message: `name "${name}" has ${name.length} characters`,
    });
  }
  if (
    naming.pattern !== undefined &&
    !new RegExp(naming.pattern, 'u').test(name)
  ) {
    violations.push({
      field: 'name',
      rule: `${RULE_PREFIX}.naming.pattern`,
      allowed: `names matching ${naming.pattern}`,
      message: `name "${name}" does not follow the naming rule`,
    });
  }
  const words = name.split('-');
  const forbidden = naming.forbiddenWords.filter(word => words.includes(word));
  if (forbidden.length > 0) {
    violations.push({
      field: 'name',
      rule: `${RULE_PREFIX}.naming.forbiddenWords`,
      allowed: `names without the words ${naming.forbiddenWords.join(', ')}`,
      message: `name "${name}" contains the reserved word(s) ${forbidden.join(
        ', ',
      )}`,
    });
  }
  return violations;
}

function checkResidency(
  { residency }: Guardrails,
  { dataClassification, dataResidency }: GuardrailSubject,
): GuardrailViolation[] {
  const allowed = residency[dataClassification];
  if (!allowed || allowed.includes(dataResidency)) {
    return [];
  }
  return [
    {
      field: 'dataResidency',
      rule: `${RULE_PREFIX}.residency.${dataClassification}`,
      allowed: allowed.join(', ') || 'none',
      message: `dataResidency "${dataResidency}" is not allowed for data classified "${dataClassification}"`,
    },
  ];
}

function checkGpuBudget(
  { gpuBudget }: Guardrails,
  { owner, computeTier, gpuBudget: requested }: GuardrailSubject,
): GuardrailViolation[] {
  const team = normalizeTeamRef(owner);
  const teamCeiling = gpuBudget.teams[team]?.[computeTier];
  const ceiling = teamCeiling ?? gpuBudget.ceilings[computeTier];
  if (ceiling === undefined || requested <= ceiling) {
    return [];
  }
  const rule =
    teamCeiling !== undefined
      ? `${RULE_PREFIX}.gpuBudget.teams[${team}].ceilings.${computeTier}`
      : `${RULE_PREFIX}.gpuBudget.ceilings.${computeTier}`;
  return [
    {
      field: 'gpuBudget',
      rule,
      allowed: `0 to ${ceiling} GPU-hours per month`,
      message: `gpuBudget ${requested} exceeds the ceiling for compute tier "${computeTier}" and team ${team}`,
    },
  ];
}

function checkModelProvider(
  { modelProviders }: Guardrails,
  { dataClassification, modelProvider }: GuardrailSubject,
): GuardrailViolation[] {
  if (modelProvider === undefined) {
    return [];
  }
  const key =
    modelProviders[dataClassification] !== undefined
      ? dataClassification
      : 'default';
  const approved = modelProviders[key];
  if (!approved || approved.includes(modelProvider)) {
    return [];
  }
  return [
    {
      field: 'modelProvider',
      rule: `${RULE_PREFIX}.modelProviders.${key}`,
      allowed: approved.join(', ') || 'none',
      message: `modelProvider "${modelProvider}" is not approved for data classified "${dataClassification}"`,
    },
  ];
}
