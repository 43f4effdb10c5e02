import { EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

/** The directive register, a directive's page and cascade, drafts. */
export const directivesWeb: WebModule = {
  name: 'directives',
  pages: [
    { path: '/van-ban', Page: lazyPage(() => import('../routes/DirectivesPage.js'), 'DirectivesPage') },
    { path: '/van-ban/dang-ky', Page: lazyPage(() => import('../routes/DirectivesRegisterPage.js'), 'DirectivesRegisterPage') },
    { path: '/van-ban/:id', Page: lazyPage(() => import('../routes/DirectivesDetailPage.js'), 'DirectivesDetailPage') },
    { path: '/van-ban/:id/chuoi', Page: lazyPage(() => import('../routes/DirectivesCascadePage.js'), 'DirectivesCascadePage') },
    { path: '/du-thao', Page: lazyPage(() => import('../routes/DirectivesDraftsPage.js'), 'DirectivesDraftsPage') },
    { path: '/du-thao/:id', Page: lazyPage(() => import('../routes/DirectivesDraftPage.js'), 'DirectivesDraftPage') },
  ],
  nav: [
    { path: '/van-ban', label: 'Văn bản chỉ đạo', icon: <FileTextOutlined />, order: 20 },
    // The drafts of implementing directives, right under the register they come from.
    { path: '/du-thao', label: 'Dự thảo', icon: <EditOutlined />, order: 21 },
  ],
};
