import { Routes, Route } from 'react-router-dom';
import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { TemplateAnalyticsCard } from '../TemplateAnalytics/TemplateAnalyticsCard';
import { TeamScorecardPage } from '../TeamScorecard/TeamScorecardPage';
import { OverviewContent } from './OverviewContent';

const OverviewTabs = () => (
  <Page themeId="tool">
    <Header
      title="MLOps maturity"
      subtitle="How mature each team's ML use cases are, and how fast they reach production"
    />
    <Content>
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Overview">
          <OverviewContent />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/templates" title="Templates">
          <TemplateAnalyticsCard />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Content>
  </Page>
);

/** The `/mlops` page: overview and template tabs, plus one page per team. */
export const MlopsOverviewPage = () => (
  <Routes>
    <Route path="/teams/:namespace/:name" element={<TeamScorecardPage />} />
    <Route path="/*" element={<OverviewTabs />} />
  </Routes>
);
