import { CheckSquareOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** Campaign plans. */
export const campaignsWeb: WebModule = {
  name: 'campaigns',
  pages: [
    // The read side (views): a plan's page and "Việc cần làm".
    { path: '/ke-hoach/:id', Page: lazyPage(() => import('../routes/CampaignPage.js'), 'CampaignPage') },
    { path: '/viec-can-lam', Page: lazyPage(() => import('../routes/TodoPage.js'), 'TodoPage') },
  ],
  nav: [
    // The read side: "Việc cần làm", the campaign tasks due of the user's units.
    { path: '/viec-can-lam', label: 'Việc cần làm', icon: <CheckSquareOutlined />, order: 23 },
  ],
};
