import { CheckSquareOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** Campaign plans: the list, making a plan (from a text or a received plan), a task's page, a plan's page, "Việc cần làm". */
export const campaignsWeb: WebModule = {
  name: 'campaigns',
  pages: [
    // Pages to create and act (web helper); `/ke-hoach/moi` before `/ke-hoach/:id`.
    { path: '/ke-hoach', Page: lazyPage(() => import('../routes/CampaignsPage.js'), 'CampaignsPage') },
    { path: '/ke-hoach/moi', Page: lazyPage(() => import('../routes/CampaignNewPage.js'), 'CampaignNewPage') },
    { path: '/nhiem-vu/:id', Page: lazyPage(() => import('../routes/CampaignTaskPage.js'), 'CampaignTaskPage') },
    // The read side (views): a plan's page and "Việc cần làm".
    { path: '/ke-hoach/:id', Page: lazyPage(() => import('../routes/CampaignPage.js'), 'CampaignPage') },
    { path: '/viec-can-lam', Page: lazyPage(() => import('../routes/TodoPage.js'), 'TodoPage') },
  ],
  nav: [
    { path: '/ke-hoach', label: 'Kế hoạch', icon: <ScheduleOutlined />, order: 22, sections: ['nhiem-vu'] },
    // The read side: "Việc cần làm", the campaign tasks due of the user's units.
    { path: '/viec-can-lam', label: 'Việc cần làm', icon: <CheckSquareOutlined />, order: 23 },
  ],
};
