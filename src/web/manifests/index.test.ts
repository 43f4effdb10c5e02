import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types.js';
import { landingPath, navEntries, navKeyOf, pageAt, publicPages, signedInPages, webModules } from './index.js';

/** The menu and the pages come from the web modules' list; URLs and labels are those of before (issue 10). */
const me = (roles: string[], permissions: Partial<Me['permissions']> = {}): Me =>
  ({
    fullName: 'Người dùng',
    grants: roles.map((role, i) => ({ id: i + 1, role, unitId: 1 })),
    permissions: { manageUsers: false, viewAudit: false, ...permissions },
  }) as unknown as Me;
const menu = (user: Me) => navEntries(user).map((e) => `${e.path} ${e.label}`);

describe('web modules', () => {
  it('give a viewer the home page, then the menu of before (with the drafts after the register and the consultations before their reports), in the same order', () => {
    expect(menu(me(['viewer']))).toEqual(['/trang-chu Trang chủ', '/don-vi Đơn vị', '/van-ban Văn bản chỉ đạo', '/du-thao Dự thảo', '/ke-hoach Kế hoạch', '/viec-can-lam Việc cần làm', '/bao-cao Báo cáo', '/cuoc-thi Cuộc thi', '/dot-lay-y-kien Đợt lấy ý kiến', '/gop-y-tong-hop Tổng hợp góp ý', '/ca-nhan Thông tin cá nhân']);
  });

  it('add staff intake for anyone who may enter data, and accounts and the audit log by permission', () => {
    expect(menu(me(['viewer', 'editor'], { manageUsers: true, viewAudit: true }))).toEqual([
      '/trang-chu Trang chủ',
      '/don-vi Đơn vị',
      '/van-ban Văn bản chỉ đạo',
      '/du-thao Dự thảo',
      '/ke-hoach Kế hoạch',
      '/viec-can-lam Việc cần làm',
      '/bao-cao Báo cáo', '/cuoc-thi Cuộc thi',
      '/dot-lay-y-kien Đợt lấy ý kiến',
      '/gop-y-tong-hop Tổng hợp góp ý',
      '/gop-y-tiep-nhan Tiếp nhận góp ý',
      '/tai-khoan Tài khoản người dùng',
      '/nhat-ky Nhật ký thao tác',
      '/ca-nhan Thông tin cá nhân',
    ]);
    expect(menu(me(['editor'], { viewAudit: true }))).toEqual([
      '/trang-chu Trang chủ',
      '/don-vi Đơn vị',
      '/van-ban Văn bản chỉ đạo',
      '/du-thao Dự thảo',
      '/ke-hoach Kế hoạch',
      '/viec-can-lam Việc cần làm',
      '/bao-cao Báo cáo',
      '/cuoc-thi Cuộc thi',
      '/dot-lay-y-kien Đợt lấy ý kiến',
      '/gop-y-tong-hop Tổng hợp góp ý',
      '/gop-y-tiep-nhan Tiếp nhận góp ý',
      '/nhat-ky Nhật ký thao tác',
      '/ca-nhan Thông tin cá nhân',
    ]);
  });

  it('serve every URL of before, the accounts and audit pages behind their permission', () => {
    expect(publicPages.map((p) => p.path)).toEqual(['/gop-y/:code', '/thi/:code', '/thi/:code/vong/:number', '/thi/:code/vong/:number/ket-qua', '/thi/:code/on-tap']);
    expect(signedInPages.map((p) => p.path).sort()).toEqual(
      ['/trang-chu', '/don-vi', '/tai-khoan', '/nhat-ky', '/van-ban', '/van-ban/dang-ky', '/van-ban/:id', '/van-ban/:id/chuoi', '/du-thao', '/du-thao/:id', '/ke-hoach', '/ke-hoach/moi', '/ke-hoach/:id', '/nhiem-vu/:id', '/viec-can-lam', '/dot-lay-y-kien', '/dot-lay-y-kien/moi', '/dot-lay-y-kien/:code', '/dot-lay-y-kien/:code/in', '/gop-y-tong-hop', '/gop-y-tiep-nhan', '/ca-nhan', '/bao-cao', '/bao-cao/che-do/moi', '/bao-cao/che-do/:id/sua', '/bao-cao/che-do/:id', '/bao-cao/che-do/:id/ky/:periodEnd/don-vi/:unitId', '/thong-bao', '/cuoc-thi', '/cuoc-thi/moi', '/cuoc-thi/:id/sua', '/cuoc-thi/:id', '/cuoc-thi/:id/cau-hoi', '/cuoc-thi/:id/vong/:number', '/cuoc-thi/:id/tham-gia'].sort(),
    );
    const permissionOf = Object.fromEntries(signedInPages.map((p) => [p.path, p.permission ?? null]));
    expect(permissionOf['/tai-khoan']).toBe('manageUsers');
    expect(permissionOf['/nhat-ky']).toBe('viewAudit');
    for (const entry of webModules.flatMap((m) => m.nav)) expect(signedInPages.some((p) => p.path === entry.path), entry.path).toBe(true);
  });

  it('open on the home page "Trang chủ", the first menu entry for everyone', () => {
    expect(landingPath).toBe('/trang-chu');
    expect(signedInPages.filter((p) => p.landing).map((p) => p.path)).toEqual(['/trang-chu']);
    expect(navEntries(me(['viewer']))[0]?.label).toBe('Trang chủ');
    expect(navKeyOf('/trang-chu')).toBe('/trang-chu');
  });

  it('select the menu entry of the section a page belongs to', () => {
    expect(navKeyOf('/van-ban/12/chuoi')).toBe('/van-ban');
    expect(navKeyOf('/du-thao/3')).toBe('/du-thao');
    expect(navKeyOf('/gop-y-tiep-nhan')).toBe('/gop-y-tiep-nhan');
    expect(navKeyOf('/don-vi')).toBe('/don-vi');
    expect(navKeyOf('/dot-lay-y-kien/DH14/in')).toBe('/dot-lay-y-kien');
    // A task belongs to the campaign plans.
    expect(navKeyOf('/nhiem-vu/7')).toBe('/ke-hoach');
    expect(navKeyOf('/ke-hoach/moi')).toBe('/ke-hoach');
  });

  it('tell which page an address opens, so that its code is fetched while the session is checked', () => {
    expect(pageAt('/gop-y/DH14')).toMatchObject({ page: { path: '/gop-y/:code', public: true }, params: { code: 'DH14' } });
    expect(pageAt('/gop-y/DH14')?.page.prefetch).toBeTypeOf('function');
    expect(pageAt('/gop-y-tong-hop')?.page.path).toBe('/gop-y-tong-hop');
    expect(pageAt('/van-ban/12/chuoi')).toMatchObject({ page: { path: '/van-ban/:id/chuoi' }, params: { id: '12' } });
    expect(pageAt('/')?.page.path).toBe(landingPath);
    expect(pageAt('/ke-hoach/moi')?.page.path).toBe('/ke-hoach/moi');
    expect(pageAt('/ke-hoach/12')).toMatchObject({ page: { path: '/ke-hoach/:id' }, params: { id: '12' } });
    expect(pageAt('/nhiem-vu/7')).toMatchObject({ page: { path: '/nhiem-vu/:id' }, params: { id: '7' } });
    expect(pageAt('/dang-nhap')).toBeNull();
    expect(pageAt('/khong-co')).toBeNull();
  });
});

describe('the reports pages (issue 13)', () => {
  it('all belong to the menu entry "Báo cáo"', () => {
    expect(navKeyOf('/bao-cao/che-do/3/ky/2026-12-09/don-vi/5')).toBe('/bao-cao');
    expect(pageAt('/bao-cao/che-do/moi')?.page.path).toBe('/bao-cao/che-do/moi');
  });
});

describe('the contest pages (issue 14)', () => {
  it('open the public pages without login and the organiser pages under the menu entry "Cuộc thi"', () => {
    expect(pageAt('/thi/DH-TIMHIEU/vong/2')).toMatchObject({ page: { path: '/thi/:code/vong/:number', public: true }, params: { code: 'DH-TIMHIEU', number: '2' } });
    expect(pageAt('/thi/DH-TIMHIEU')?.page.prefetch).toBeTypeOf('function');
    expect(pageAt('/cuoc-thi/moi')?.page.path).toBe('/cuoc-thi/moi');
    expect(navKeyOf('/cuoc-thi/3/vong/1')).toBe('/cuoc-thi');
  });
});
