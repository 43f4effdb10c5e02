import { BarChartOutlined, FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import { publicConsultationQuery } from '../features/consultation/usePublicConsultation.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';
import { prefetchWeeklyReport } from '../features/consultation-report/useWeeklyReport.js';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** The public feedback form (no login), the consultations (list, opening, page, printed QR), the weekly report page and staff intake. */
export const consultationWeb: WebModule = {
  name: 'consultation',
  pages: [
    {
      path: '/gop-y/:code',
      Page: lazyPage(() => import('../routes/PublicConsultationPage.js'), 'PublicConsultationPage'),
      public: true,
      prefetch: ({ code = '' }, queryClient) => void queryClient.prefetchQuery(publicConsultationQuery(code)),
    },
    { path: '/dot-lay-y-kien', Page: lazyPage(() => import('../routes/ConsultationsPage.js'), 'ConsultationsPage') },
    { path: '/dot-lay-y-kien/moi', Page: lazyPage(() => import('../routes/ConsultationNewPage.js'), 'ConsultationNewPage') },
    { path: '/dot-lay-y-kien/:code', Page: lazyPage(() => import('../routes/ConsultationDetailPage.js'), 'ConsultationDetailPage') },
    { path: '/dot-lay-y-kien/:code/in', Page: lazyPage(() => import('../routes/ConsultationPrintPage.js'), 'ConsultationPrintPage') },
    {
      path: '/gop-y-tong-hop',
      Page: lazyPage(() => import('../routes/ConsultationReportPage.js'), 'ConsultationReportPage'),
      prefetch: (_params, queryClient, search) => prefetchWeeklyReport(queryClient, search),
    },
    { path: '/gop-y-tiep-nhan', Page: lazyPage(() => import('../routes/ConsultationIntakePage.js'), 'ConsultationIntakePage') },
  ],
  nav: [
    { path: '/dot-lay-y-kien', label: 'Đợt lấy ý kiến', icon: <FileSearchOutlined />, order: 28 },
    { path: '/gop-y-tong-hop', label: 'Tổng hợp góp ý', icon: <BarChartOutlined />, order: 30 },
    // Staff intake of letters, press, e-mail and meetings: for those who may enter data somewhere.
    { path: '/gop-y-tiep-nhan', label: 'Tiếp nhận góp ý', icon: <FormOutlined />, order: 35, when: editsSomewhere },
  ],
};
