import { FileDoneOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** Periodic reports (issue 13): regimes and the reports due, the regime editor, a regime's page, a unit's report of a period. */
export const reportsWeb: WebModule = {
  name: 'reports',
  pages: [
    { path: '/bao-cao', Page: lazyPage(() => import('../routes/ReportsPage.js'), 'ReportsPage') },
    // `/bao-cao/che-do/moi` before `/bao-cao/che-do/:id`.
    { path: '/bao-cao/che-do/moi', Page: lazyPage(() => import('../routes/ReportRegimeEditPage.js'), 'ReportRegimeEditPage') },
    { path: '/bao-cao/che-do/:id/sua', Page: lazyPage(() => import('../routes/ReportRegimeEditPage.js'), 'ReportRegimeEditPage') },
    { path: '/bao-cao/che-do/:id', Page: lazyPage(() => import('../routes/ReportRegimePage.js'), 'ReportRegimePage') },
    { path: '/bao-cao/che-do/:id/ky/:periodEnd/don-vi/:unitId', Page: lazyPage(() => import('../routes/ReportPeriodPage.js'), 'ReportPeriodPage') },
  ],
  nav: [{ path: '/bao-cao', label: 'Báo cáo', icon: <FileDoneOutlined />, order: 24 }],
};
