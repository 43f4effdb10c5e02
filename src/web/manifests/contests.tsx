import { TrophyOutlined } from '@ant-design/icons';
import { publicContestQuery } from '../features/contests/publicApi.js';
import { lazyPage } from './lazyPage.js';
import type { WebModule } from './types.js';

const prefetchContest: NonNullable<WebModule['pages'][number]['prefetch']> = ({ code = '' }, queryClient) => void queryClient.prefetchQuery(publicContestQuery(code));

/** Quiz contests (issue 14): the public pages (home, attempt, winners, practice; no login, phone first) and the organiser's pages. */
export const contestsWeb: WebModule = {
  name: 'contests',
  pages: [
    { path: '/thi/:code', Page: lazyPage(() => import('../routes/ContestPublicPage.js'), 'ContestPublicPage'), public: true, prefetch: prefetchContest },
    { path: '/thi/:code/vong/:number', Page: lazyPage(() => import('../routes/ContestAttemptPage.js'), 'ContestAttemptPage'), public: true, prefetch: prefetchContest },
    { path: '/thi/:code/vong/:number/ket-qua', Page: lazyPage(() => import('../routes/ContestWinnersPage.js'), 'ContestWinnersPage'), public: true, prefetch: prefetchContest },
    { path: '/thi/:code/on-tap', Page: lazyPage(() => import('../routes/ContestPracticePage.js'), 'ContestPracticePage'), public: true, prefetch: prefetchContest },
    { path: '/cuoc-thi', Page: lazyPage(() => import('../routes/ContestsPage.js'), 'ContestsPage') },
    // `/cuoc-thi/moi` before `/cuoc-thi/:id`.
    { path: '/cuoc-thi/moi', Page: lazyPage(() => import('../routes/ContestEditPage.js'), 'ContestEditPage') },
    { path: '/cuoc-thi/:id/sua', Page: lazyPage(() => import('../routes/ContestEditPage.js'), 'ContestEditPage') },
    { path: '/cuoc-thi/:id', Page: lazyPage(() => import('../routes/ContestPage.js'), 'ContestPage') },
    { path: '/cuoc-thi/:id/cau-hoi', Page: lazyPage(() => import('../routes/ContestBankPage.js'), 'ContestBankPage') },
    { path: '/cuoc-thi/:id/vong/:number', Page: lazyPage(() => import('../routes/ContestRoundPage.js'), 'ContestRoundPage') },
    { path: '/cuoc-thi/:id/tham-gia', Page: lazyPage(() => import('../routes/ContestParticipationPage.js'), 'ContestParticipationPage') },
  ],
  nav: [{ path: '/cuoc-thi', label: 'Cuộc thi', icon: <TrophyOutlined />, order: 26 }],
};
