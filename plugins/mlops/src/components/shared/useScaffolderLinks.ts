import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  scaffolderRootRouteRef,
  scaffolderTemplateRouteRef,
} from '../../routes';

// Where @backstage/plugin-scaffolder is mounted in a default app, used when the app has not
// bound our external routes.
const DEFAULT_SCAFFOLDER_PATH = '/create';

/** Links into the scaffolder: its template list, and the page of one template. */
export function useScaffolderLinks() {
  const templateRoute = useRouteRef(scaffolderTemplateRouteRef);
  const rootRoute = useRouteRef(scaffolderRootRouteRef);
  return {
    create: rootRoute ? rootRoute() : DEFAULT_SCAFFOLDER_PATH,
    /** `template:default/ml-model` → the template's page; undefined for a malformed ref. */
    template(templateRef: string): string | undefined {
      let ref;
      try {
        ref = parseEntityRef(templateRef, { defaultKind: 'template' });
      } catch {
        return undefined;
      }
      const params = { namespace: ref.namespace, templateName: ref.name };
      return templateRoute
        ? templateRoute(params)
        : `${DEFAULT_SCAFFOLDER_PATH}/templates/${encodeURIComponent(
            params.namespace,
          )}/${encodeURIComponent(params.templateName)}`;
    },
  };
}
