import type {
  FilterPredicate,
  FilterPredicateExpression,
  FilterPredicateValue,
} from '@backstage/filter-predicates';
import {
  DEFAULT_ML_TYPES,
  ECOSYSTEM_ML_TYPES,
  ECOSYSTEM_ANNOTATIONS as ECO,
  EVIDENCE_ANNOTATIONS as EV,
} from '../annotations';
import type {
  EvidenceFormat,
  FactRequirement,
  MaturityCheck,
  MaturityModel,
} from './types';

const annotation = (key: string) => `metadata.annotations.${key}`;

// Computed keys widen to an index signature TypeScript cannot match against `$`-keys.
const where = (path: string, matcher: FilterPredicateValue): FilterPredicate =>
  ({ [path]: matcher } as FilterPredicateExpression);

/** Passes when any of the annotations is set (and well-formed). */
const anyAnnotation = (...keys: string[]): FilterPredicate =>
  keys.length === 1
    ? where(annotation(keys[0]), { $exists: true })
    : { $any: keys.map(key => where(annotation(key), { $exists: true })) };

// Templates fix a check only when running them changes the entity: creating a new use case
// is the fix for "not created from a template", not for a missing monitoring set-up.
const GOLDEN_PATHS = 'template:default/batch-training';
const LLM_APP: FilterPredicate = { 'spec.type': 'llm-app' };

// What pipelines, registries and CI report (see the fact contract). A check with a fact
// passes on the observation; its annotation condition is the declaration the fact proves.
const SUCCESSFUL_CI = where('data.status', 'success');
const fact = (
  type: string,
  options: Omit<FactRequirement, 'type'> = {},
): FactRequirement => ({ type, ...options });

/**
 * Model providers approved by default; platform teams replace the `llm-model-provider`
 * check's condition in app-config to change the list.
 */
export const DEFAULT_APPROVED_MODEL_PROVIDERS = [
  'azure-openai',
  'aws-bedrock',
  'vertex-ai',
  'self-hosted',
];

type CheckSpec = Omit<MaturityCheck, 'group' | 'required'> &
  Partial<Pick<MaturityCheck, 'group' | 'required'>>;

const check = (spec: CheckSpec): MaturityCheck => ({
  group: 'core',
  required: true,
  ...spec,
});

const levelOneChecks: MaturityCheck[] = [
  check({
    id: 'source-control',
    title: 'Source in version control',
    level: 1,
    description:
      'Code that is not versioned cannot be reviewed, reproduced or rolled back.',
    remediation: `Push the code to a Git repository and add the ${ECO.sourceLocation} or ${ECO.githubProjectSlug} annotation.`,
    condition: anyAnnotation(
      ECO.sourceLocation,
      ECO.githubProjectSlug,
      ECO.gitlabProjectSlug,
    ),
  }),
  check({
    id: 'owner',
    title: 'Has an owning team',
    level: 1,
    description:
      'Someone must be accountable for a model in production: alerts, retraining and retirement need an owner.',
    remediation:
      'Set spec.owner to the owning group, e.g. group:default/fraud-ml.',
    condition: { 'spec.owner': { $exists: true } },
  }),
  check({
    id: 'docs',
    title: 'Documentation in the portal',
    level: 1,
    description:
      'Docs next to the code (TechDocs) keep tribal knowledge out of people’s heads.',
    remediation: `Add an mkdocs.yml and docs/ folder and the ${ECO.techdocsRef} annotation (e.g. "dir:.").`,
    condition: anyAnnotation(ECO.techdocsRef),
  }),
  check({
    id: 'golden-path-template',
    title: 'Created from a golden-path template',
    level: 1,
    description:
      'A standard blueprint gives every use case the same proven structure, so improvements reach everyone.',
    remediation:
      'Create the use case with "Create ML use case" in the portal, or record the template it follows in the backstage.io/source-template annotation.',
    templateRef: GOLDEN_PATHS,
    condition: anyAnnotation(ECO.sourceTemplate),
  }),
  check({
    id: 'container-image',
    title: 'Packaged as a container image',
    level: 1,
    description:
      'One image for experimentation and deployment removes "works on my machine" between teams.',
    remediation: `Build the image in CI and report it: a ci-run fact with data.imageDigest (the generated workflow does this); declare it in ${EV.containerImage}.`,
    condition: anyAnnotation(EV.containerImage),
    fact: fact('ci-run', {
      where: {
        $all: [SUCCESSFUL_CI, where('data.imageDigest', { $exists: true })],
      },
    }),
  }),
  check({
    id: 'ci',
    title: 'Green CI run',
    level: 1,
    description:
      'Every change is built and tested automatically before it is merged.',
    remediation: `Add a CI workflow that reports its runs (a ci-run fact) and the ${EV.ci} annotation (e.g. "github-actions"); the latest run within 30 days must be green.`,
    fact: fact('ci-run', { within: 'P30D', where: SUCCESSFUL_CI }),
    condition: anyAnnotation(
      EV.ci,
      ECO.githubProjectSlug,
      ECO.gitlabProjectSlug,
      ECO.jenkinsJob,
    ),
  }),
  check({
    id: 'experiment-tracking',
    title: 'Tracked training run in the last 30 days',
    level: 1,
    description:
      'Tracked runs (parameters, metrics, artefacts) make results reproducible and comparable.',
    remediation: `Log runs to MLflow (set ${ECO.mlflowExperiment} or ${ECO.mlflowExperimentName} so the collector finds them) or report a training-run fact from the pipeline.`,
    condition: anyAnnotation(
      EV.experimentTracking,
      ECO.mlflowExperiment,
      ECO.mlflowExperimentName,
    ),
    fact: fact('training-run', { within: 'P30D' }),
  }),
  check({
    id: 'training-pipeline',
    title: 'Orchestrated training pipeline',
    level: 1,
    description:
      'Data preparation, training and evaluation run as one automated pipeline, not notebook steps.',
    remediation: `Define the pipeline (Kubeflow, Airflow, Tekton…) and add ${EV.trainingPipeline}.`,
    condition: anyAnnotation(EV.trainingPipeline, ECO.tekton),
  }),
  check({
    id: 'model-registry',
    title: 'Versioned in a model registry',
    level: 1,
    description:
      'Registered model versions let teams share models and roll back to an earlier one.',
    remediation: `Register a model version (MLflow's registry is read by the collector, or report a model-version fact) and declare ${EV.modelRegistry} (e.g. "mlflow").`,
    condition: anyAnnotation(EV.modelRegistry),
    fact: fact('model-version'),
  }),
  check({
    id: 'data-validation',
    title: 'Input data validation',
    level: 1,
    description: 'Bad input data is caught before it trains or feeds a model.',
    remediation: `Add data checks (e.g. Great Expectations) and the ${EV.dataValidation} annotation.`,
    condition: anyAnnotation(EV.dataValidation),
  }),
  check({
    id: 'model-card',
    title: 'Model card',
    level: 1,
    description:
      'Intended use, limits and evaluation results are written down for reviewers and users.',
    remediation: `Write docs/model-card.md and point ${EV.modelCard} at it.`,
    condition: anyAnnotation(EV.modelCard),
  }),
];

const llmChecks: MaturityCheck[] = [
  check({
    id: 'llm-evaluation-harness',
    title: 'LLM evaluation harness',
    level: 1,
    group: 'llm',
    description:
      'Generated output cannot be scored with accuracy alone; an evaluation suite catches regressions.',
    remediation: `Run an evaluation suite (e.g. ragas) that reports an evaluation fact above its threshold, and set ${EV.evaluationHarness}.`,
    appliesTo: LLM_APP,
    condition: anyAnnotation(EV.evaluationHarness),
    fact: fact('evaluation', { where: where('data.passed', true) }),
  }),
  check({
    id: 'llm-data-residency',
    title: 'Data residency declared',
    level: 1,
    group: 'llm',
    description:
      'Some data must not leave its region (e.g. Canadian health data); the region must be known before prompts flow.',
    remediation: `Set ${EV.dataResidency} to the region the data must stay in, e.g. "ca"; the evaluation run reports the region it called (data.region) as the observation.`,
    appliesTo: LLM_APP,
    condition: anyAnnotation(EV.dataResidency),
    fact: fact('evaluation', {
      where: where('data.region', { $exists: true }),
    }),
  }),
  check({
    id: 'llm-gpu-budget',
    title: 'GPU budget declared',
    level: 1,
    group: 'llm',
    description:
      'GPU costs snowball under load; a declared monthly budget makes automation safe to turn on.',
    remediation: `Set ${EV.gpuBudget} to the monthly GPU-hours budget, a number ≥ 0.`,
    appliesTo: LLM_APP,
    condition: anyAnnotation(EV.gpuBudget),
  }),
  check({
    id: 'llm-model-provider',
    title: 'Approved model provider',
    level: 1,
    group: 'llm',
    description:
      'Third-party model APIs must handle data according to company policy; only reviewed providers qualify.',
    remediation: `Set ${
      EV.modelProvider
    } to one of: ${DEFAULT_APPROVED_MODEL_PROVIDERS.join(', ')}.`,
    appliesTo: LLM_APP,
    condition: where(annotation(EV.modelProvider), {
      $in: DEFAULT_APPROVED_MODEL_PROVIDERS,
    }),
    // The provider the evaluation actually called, not only what the form said.
    fact: fact('evaluation', {
      where: where('data.modelProvider', {
        $in: DEFAULT_APPROVED_MODEL_PROVIDERS,
      }),
    }),
  }),
  check({
    id: 'llm-deployed-evaluation',
    title: 'Deployed version evaluated above threshold',
    level: 2,
    group: 'llm',
    description:
      'The version users talk to is the one that passed the evaluation, not an earlier candidate.',
    remediation:
      'Run the evaluation suite against the version you deploy and report an evaluation fact with data.modelVersion and passed: true.',
    appliesTo: LLM_APP,
    condition: anyAnnotation(EV.evaluationHarness),
    fact: fact('evaluation', {
      where: where('data.passed', true),
      version: 'deployed',
    }),
  }),
];

const levelTwoChecks: MaturityCheck[] = [
  check({
    id: 'cd',
    title: 'Deployed to production',
    level: 2,
    description: 'Deployments happen from Git automatically, not by hand.',
    remediation: `Deploy with Argo CD (add ${ECO.argocdAppSelector}) or another CD tool that reports a deployment fact to production; set ${EV.cd}.`,
    condition: anyAnnotation(EV.cd, ECO.argocdAppSelector, ECO.argocdAppName),
    fact: fact('deployment', {
      where: where('data.environment', 'production'),
    }),
  }),
  check({
    id: 'validation-gate',
    title: 'Model validation gate before serving',
    level: 2,
    description:
      'A candidate model is only promoted when it beats the current one on agreed metrics.',
    remediation: `Add an automated evaluation step before promotion that reports an evaluation fact for the version it promotes (data.modelVersion, passed: true); set ${EV.validationGate}: "true".`,
    condition: anyAnnotation(EV.validationGate),
    fact: fact('evaluation', {
      where: where('data.passed', true),
      version: 'deployed',
    }),
  }),
  check({
    id: 'monitoring',
    title: 'Production monitoring',
    level: 2,
    description:
      'Model and service KPIs are watched continuously instead of waiting for users to complain.',
    remediation: `Expose metrics and dashboards; add ${EV.monitoring} or ${ECO.grafanaDashboard}.`,
    condition: anyAnnotation(
      EV.monitoring,
      ECO.grafanaDashboard,
      ECO.prometheusRule,
    ),
  }),
  check({
    id: 'drift-detection',
    title: 'Drift checks in the last 7 days',
    level: 2,
    description:
      'Changes in input data or predictions are detected before they hurt the business.',
    remediation: `Run drift detection (e.g. Evidently) at least weekly and report each run as a drift-check fact; set ${EV.driftDetection}.`,
    condition: anyAnnotation(EV.driftDetection),
    fact: fact('drift-check', { within: 'P7D' }),
  }),
  check({
    id: 'retraining-trigger',
    title: 'Automated retraining trigger',
    level: 2,
    description:
      'Models are retrained on a schedule or when drift is detected, without a ticket.',
    remediation: `Schedule retraining or trigger it on drift and report each run as a retraining fact; set ${EV.retrainingTrigger} to "schedule", "drift" or "schedule,drift".`,
    condition: anyAnnotation(EV.retrainingTrigger),
    fact: fact('retraining', {
      where: where('data.trigger', { $in: ['schedule', 'drift'] }),
    }),
  }),
  check({
    id: 'rollback',
    title: 'Rollback',
    level: 2,
    description:
      'A bad model version can be replaced by the previous one in minutes.',
    remediation: `Keep the previous version registered (a model-version other than the one in production) and automate rollback to it; set ${EV.rollback}: "true".`,
    condition: anyAnnotation(EV.rollback),
    fact: fact('model-version', { version: 'not-deployed' }),
  }),
  check({
    id: 'lineage',
    title: 'Lineage to datasets and pipelines',
    level: 2,
    description:
      'Knowing which data and pipelines a model depends on makes audits and impact analysis possible.',
    remediation:
      'List the datasets and pipelines the model depends on in spec.dependsOn (e.g. resource:default/claims-dataset).',
    condition: {
      $any: [
        { 'spec.dependsOn': { $exists: true } },
        { relations: { $contains: { type: 'dependsOn' } } },
      ],
    },
  }),
  check({
    id: 'progressive-rollout',
    title: 'Canary or A/B rollout',
    level: 2,
    description:
      'New versions meet a fraction of real traffic first, so a regression reaches few users.',
    remediation: `Roll out with canary, A/B, shadow or blue-green and set ${EV.rolloutStrategy}.`,
    condition: anyAnnotation(EV.rolloutStrategy),
  }),
  check({
    id: 'kubernetes-deployment',
    title: 'Orchestrated on Kubernetes',
    level: 2,
    required: false,
    description:
      'Serving on a container orchestrator gives scaling, health checks and rolling updates for free.',
    remediation: `Deploy to Kubernetes and add ${ECO.kubernetesId} so the portal shows the workloads.`,
    condition: anyAnnotation(ECO.kubernetesId),
  }),
];

const flag: EvidenceFormat = { type: 'flag' };

const evidenceFormats: Record<string, EvidenceFormat> = {
  ...Object.fromEntries(
    Object.values(EV).map(key => [annotation(key), flag] as const),
  ),
  [annotation(EV.gpuBudget)]: { type: 'non-negative-number' },
  [annotation(EV.retrainingTrigger)]: {
    type: 'one-or-more-of',
    values: ['schedule', 'drift'],
  },
  [annotation(EV.rolloutStrategy)]: {
    type: 'one-or-more-of',
    values: ['canary', 'ab', 'shadow', 'blue-green'],
  },
  [annotation(EV.modelProvider)]: { type: 'text' },
  'spec.owner': { type: 'text' },
  'spec.dependsOn': { type: 'entity-ref-list' },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The default maturity model, following the seeds: 0 Manual, 1 Automated, 2 Continuous /
 * self-serve, plus an LLM group for `llm-app` entities. All checks are required for their
 * level except `kubernetes-deployment`, which is advisory. Checks a source can observe
 * (training runs, model versions, CI, images, deployments, evaluations, drift checks,
 * retraining) carry a `fact`; with the default evidence mode (`observed`) only the
 * observation counts for those.
 *
 * @public
 */
export const defaultMaturityModel: MaturityModel = deepFreeze({
  levels: [
    {
      level: 0,
      name: 'Manual',
      description:
        'Ad-hoc: infrastructure and deployments are built by hand for each use case.',
    },
    {
      level: 1,
      name: 'Automated',
      description:
        'Standard templates, containers, tracked experiments, orchestrated training and a model registry.',
    },
    {
      level: 2,
      name: 'Continuous / self-serve',
      description:
        'Continuous delivery and monitoring, drift detection and automated retraining with safe rollouts.',
    },
  ],
  checks: [...levelOneChecks, ...llmChecks, ...levelTwoChecks],
  entityFilter: {
    kinds: ['Component'],
    types: [...DEFAULT_ML_TYPES, ...ECOSYSTEM_ML_TYPES],
  },
  evidenceFormats,
});
