/**
 * Annotation keys owned by Landing Zone. Everything lives under one prefix so platform
 * teams can see at a glance which metadata our processor reads or writes.
 *
 * @public
 */
export const ANNOTATION_PREFIX = 'landingzone.ml/';

/**
 * Written by the catalog processor (never hand-edited: the processor overwrites them).
 *
 * @public
 */
export const MATURITY_ANNOTATIONS = {
  /** Highest level whose required checks (and those of all lower levels) pass, e.g. "1". */
  level: 'landingzone.ml/maturity-level',
  /** 0-100 progress score, e.g. "73". */
  score: 'landingzone.ml/maturity-score',
  /** Comma-separated ids of failing checks that apply to the entity. */
  failingChecks: 'landingzone.ml/failing-checks',
  /** Per-level progress, e.g. "1=11/11,2=3/9". */
  progress: 'landingzone.ml/maturity-progress',
  /**
   * Comma-separated fields holding malformed evidence, e.g. "landingzone.ml/gpu-budget";
   * absent when there are none. The entity is still ingested; the checks reading them fail.
   */
  evidenceWarnings: 'landingzone.ml/evidence-warnings',
} as const;

/**
 * Evidence annotations that golden-path templates write and that the default checks read.
 * The default checks also accept the ecosystem's own annotations (see the default model).
 *
 * @public
 */
export const EVIDENCE_ANNOTATIONS = {
  containerImage: 'landingzone.ml/container-image',
  ci: 'landingzone.ml/ci',
  experimentTracking: 'landingzone.ml/experiment-tracking',
  trainingPipeline: 'landingzone.ml/training-pipeline',
  modelRegistry: 'landingzone.ml/model-registry',
  dataValidation: 'landingzone.ml/data-validation',
  modelCard: 'landingzone.ml/model-card',
  cd: 'landingzone.ml/cd',
  validationGate: 'landingzone.ml/validation-gate',
  monitoring: 'landingzone.ml/monitoring',
  driftDetection: 'landingzone.ml/drift-detection',
  /** "schedule" | "drift" | "schedule,drift" */
  retrainingTrigger: 'landingzone.ml/retraining-trigger',
  rollback: 'landingzone.ml/rollback',
  /** "canary" | "ab" | "shadow" | "blue-green" */
  rolloutStrategy: 'landingzone.ml/rollout-strategy',
  evaluationHarness: 'landingzone.ml/evaluation-harness',
  /** Region code, e.g. "ca", "eu", "us". */
  dataResidency: 'landingzone.ml/data-residency',
  /** GPU budget in GPU-hours per month, a non-negative number. */
  gpuBudget: 'landingzone.ml/gpu-budget',
  /** e.g. "azure-openai", "anthropic", "self-hosted". */
  modelProvider: 'landingzone.ml/model-provider',
} as const;

/**
 * Descriptive annotations a use case carries from its creation form.
 *
 * @public
 */
export const USE_CASE_ANNOTATIONS = {
  businessObjective: 'landingzone.ml/business-objective',
  /** The key results it is measured by, one per line (absent when none were given). */
  keyResults: 'landingzone.ml/key-results',
  /** "public" | "internal" | "confidential" | "health" | "pii" */
  dataClassification: 'landingzone.ml/data-classification',
  /** "0" | "1" | "2" */
  targetLevel: 'landingzone.ml/target-level',
  /** "cpu-small" | "cpu-large" | "gpu-small" | "gpu-large" */
  computeTier: 'landingzone.ml/compute-tier',
  /** ISO-8601 timestamp the scaffolder created the use case. */
  createdAt: 'landingzone.ml/created-at',
  /** The scaffolder task id that created it. */
  taskId: 'landingzone.ml/task-id',
} as const;

/**
 * Annotations from the wider Backstage ecosystem that count as evidence, so an existing
 * catalog gets levels without re-tagging.
 *
 * @public
 */
export const ECOSYSTEM_ANNOTATIONS = {
  sourceTemplate: 'backstage.io/source-template',
  techdocsRef: 'backstage.io/techdocs-ref',
  sourceLocation: 'backstage.io/source-location',
  managedByLocation: 'backstage.io/managed-by-location',
  kubernetesId: 'backstage.io/kubernetes-id',
  githubProjectSlug: 'github.com/project-slug',
  gitlabProjectSlug: 'gitlab.com/project-slug',
  argocdAppSelector: 'argocd/app-selector',
  argocdAppName: 'argocd/app-name',
  mlflowExperiment: 'mlflow.org/experiment',
  mlflowExperimentName: 'mlflow.org/experiment-name',
  tekton: 'janus-idp.io/tekton',
  jenkinsJob: 'jenkins.io/job-full-name',
  prometheusRule: 'prometheus.io/rule',
  grafanaDashboard: 'grafana/dashboard-selector',
} as const;

/**
 * The component types that count as ML use cases by default. Platform teams can change the
 * set in app-config (`mlops.maturity.entityFilter`).
 *
 * @public
 */
export const DEFAULT_ML_TYPES = [
  'ml-model',
  'ml-pipeline',
  'ml-service',
  'llm-app',
] as const;

/**
 * Component types other Backstage plugins use for ML that count as use cases too (not
 * offered by the golden paths): Red Hat's model-catalog-bridge registers each model server
 * as a `model-server` Component that dependsOn its `ai-model` Resources and its API.
 *
 * @public
 */
export const ECOSYSTEM_ML_TYPES = ['model-server'] as const;
