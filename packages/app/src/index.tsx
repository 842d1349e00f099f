import '@backstage/cli/asset-types';
// Catalog cards such as About are built with Backstage UI, whose styles ship as a stylesheet.
import '@backstage/ui/css/styles.css';
import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(App.createRoot());
