import { ScheduleOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** Campaign plans: the list, making a plan from a text or from a received plan, a task's page. */
export const campaignsWeb: WebModule = {
  name: 'campaigns',
  pages: [
    // Pages to create and act (web helper).
    { path: '/ke-hoach', Page: lazyPage(() => import('../routes/CampaignsPage.js'), 'CampaignsPage') },
    { path: '/ke-hoach/moi', Page: lazyPage(() => import('../routes/CampaignNewPage.js'), 'CampaignNewPage') },
    { path: '/nhiem-vu/:id', Page: lazyPage(() => import('../routes/CampaignTaskPage.js'), 'CampaignTaskPage') },
  ],
  nav: [{ path: '/ke-hoach', label: 'Kế hoạch', icon: <ScheduleOutlined />, order: 22, sections: ['nhiem-vu'] }],
};
