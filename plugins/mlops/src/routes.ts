import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

/** The overview page (the app mounts it at `/mlops`). */
export const rootRouteRef = createRouteRef({ id: 'mlops' });

/** One team's scorecard inside the overview page, for teams reached from the table. */
export const teamRouteRef = createSubRouteRef({
  id: 'mlops/team',
  parent: rootRouteRef,
  path: '/teams/:namespace/:name',
});

/**
 * The scaffolder page of one template, for "fix it" buttons. Optional: when the app does not
 * bind it, links fall back to the scaffolder's default mount point.
 */
export const scaffolderTemplateRouteRef = createExternalRouteRef({
  id: 'mlops/scaffolder-template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});

/** The scaffolder's template list, for "create your first use case" calls to action. */
export const scaffolderRootRouteRef = createExternalRouteRef({
  id: 'mlops/scaffolder-root',
  optional: true,
  defaultTarget: 'scaffolder.root',
});
