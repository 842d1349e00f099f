import { Navigate } from 'react-router-dom';
import { PageBlueprint } from '@backstage/frontend-plugin-api';

/** The portal opens on the MLOps overview, the page managers come for. */
export const homeRedirect = PageBlueprint.make({
  name: 'home-redirect',
  params: {
    path: '/',
    loader: async () => <Navigate to="/mlops" replace />,
  },
});
