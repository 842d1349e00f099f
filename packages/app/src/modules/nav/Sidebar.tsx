import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import MenuIcon from '@material-ui/icons/Menu';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';

/**
 * The sidebar: the pages people use first, in the order of the golden path (find, create,
 * measure), then every other page in the app; settings at the bottom. A label has about
 * 110 px before SidebarItem cuts it with an ellipsis (e2e/layout.spec.ts checks), so pages
 * whose own titles are longer get a short one here.
 */
export const sidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));
      const scaffolder = navItems.take('page:scaffolder');
      // Its own title is "Register Existing Component".
      const catalogImport = navItems.take('page:catalog-import');
      return (
        <Sidebar>
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:catalog')}
            {scaffolder && (
              <SidebarItem
                icon={() => scaffolder.icon}
                to={scaffolder.href}
                text="New use case"
              />
            )}
            {catalogImport && (
              <SidebarItem
                icon={() => catalogImport.icon}
                to={catalogImport.href}
                text="Register"
              />
            )}
            {nav.take('page:mlops')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
