import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { sidebarContent } from './nav/Sidebar';
import { homeRedirect } from './nav/homeRedirect';
import { guestSignInPage } from './signIn/guestSignInPage';

/** The portal's own parts of the `app` plugin: navigation, sign-in, the landing page. */
export const landingZoneAppModule = createFrontendModule({
  pluginId: 'app',
  extensions: [sidebarContent, homeRedirect, guestSignInPage],
});
