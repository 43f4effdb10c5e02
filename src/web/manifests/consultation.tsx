import { BarChartOutlined, FormOutlined } from '@ant-design/icons';
import { publicConsultationQuery } from '../features/consultation/usePublicConsultation.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** The public feedback form (no login), the weekly report page and staff intake. */
export const consultationWeb: WebModule = {
  name: 'consultation',
  pages: [
    {
      path: '/gop-y/:code',
      Page: lazyPage(() => import('../routes/PublicConsultationPage.js'), 'PublicConsultationPage'),
      public: true,
      prefetch: ({ code = '' }, queryClient) => void queryClient.prefetchQuery(publicConsultationQuery(code)),
    },
    { path: '/gop-y-tong-hop', Page: lazyPage(() => import('../routes/ConsultationReportPage.js'), 'ConsultationReportPage') },
    { path: '/gop-y-tiep-nhan', Page: lazyPage(() => import('../routes/ConsultationIntakePage.js'), 'ConsultationIntakePage') },
  ],
  nav: [
    { path: '/gop-y-tong-hop', label: 'Tổng hợp góp ý', icon: <BarChartOutlined />, order: 30 },
    // Staff intake of letters, press, e-mail and meetings: for those who may enter data somewhere.
    { path: '/gop-y-tiep-nhan', label: 'Tiếp nhận góp ý', icon: <FormOutlined />, order: 35, when: editsSomewhere },
  ],
};
