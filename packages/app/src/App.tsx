import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import mlopsPlugin from '@landing-zone/plugin-mlops/alpha';
import { landingZoneAppModule } from './modules/landingZoneAppModule';

/**
 * The portal on the new frontend system. The features are listed here rather than discovered
 * (`app.packages: all`) so that the portal shows exactly what an adopter gets from
 * `@landing-zone/plugin-mlops/alpha` next to the stock catalog, scaffolder and org plugins;
 * where each extension goes is configured in app-config.yaml under `app.extensions`.
 */
export default createApp({
  features: [
    catalogPlugin,
    catalogImportPlugin,
    scaffolderPlugin,
    orgPlugin,
    userSettingsPlugin,
    mlopsPlugin,
    landingZoneAppModule,
  ],
});
