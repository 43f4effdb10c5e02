/**
 * The demo workspace: the bodies named in the four seed documents (Sơn La 01/2026, Lào Cai 08/2025,
 * Lai Châu 2025 and 10/2025) in a plausible hierarchy, as a unit file (the same format `lantoa units import` reads).
 * The place is set on the centre and each province; every other unit inherits it (documents dated "Lai Châu, ngày …").
 * The org module loads it as the demo workspace; other modules' tests match unit names against it (pure data).
 */
export const demoUnitsCsv = `code,name,kind,parent_code,abbreviation,sort_order,place
TW,Ban Chấp hành Trung ương Đảng,central,,TW,1,Hà Nội
TW-BTGDVTW,Ban Tuyên giáo và Dân vận Trung ương,central,TW,BTGDVTW,1,
LCU-TU,Tỉnh ủy Lai Châu,party_committee,TW,TU,10,Lai Châu
LCU-BTGDVTU,Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu,party_board,LCU-TU,BTGDVTU,1,
LCU-DU-UBND,Đảng ủy Ủy ban nhân dân tỉnh Lai Châu,party_committee,LCU-TU,ĐU,2,
LCU-DU-BTGDV,Ban Tuyên giáo và Dân vận Đảng ủy UBND tỉnh Lai Châu,party_board,LCU-DU-UBND,BTGDVĐU,1,
LCU-DU-VPDU,Văn phòng Đảng ủy UBND tỉnh Lai Châu,party_board,LCU-DU-UBND,VPĐU,2,
LCU-CB-SVHTTDL,"Chi bộ Sở Văn hóa, Thể thao và Du lịch Lai Châu",party_cell,LCU-DU-UBND,,3,
LCU-CB-VPUBND,Chi bộ Văn phòng UBND tỉnh Lai Châu,party_cell,LCU-DU-UBND,,4,
LCU-CB-SKHCN,Chi bộ Sở Khoa học và Công nghệ Lai Châu,party_cell,LCU-DU-UBND,,5,
LCU-DU-SGDDT,Đảng bộ Sở Giáo dục và Đào tạo Lai Châu,party_committee,LCU-DU-UBND,,6,
LCU-UBND,Ủy ban nhân dân tỉnh Lai Châu,people_committee,LCU-TU,UBND,3,
LCU-SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch Lai Châu",department,LCU-UBND,SVHTTDL,1,
LCU-BPTTH,"Báo và Phát thanh, Truyền hình Lai Châu",press,LCU-UBND,,2,
LCU-CTTDT,Cổng Thông tin điện tử tỉnh Lai Châu,portal,LCU-UBND,,3,
LCU-HVHNT,Hội Văn học - Nghệ thuật tỉnh Lai Châu,mass_org,LCU-TU,HVHNT,4,
LCU-P-TANPHONG,Phường Tân Phong,commune,LCU-UBND,,10,
LCU-P-DOANKET,Phường Đoàn Kết,commune,LCU-UBND,,11,
LCU-X-TAMDUONG,Xã Tam Đường,commune,LCU-UBND,,12,
LCU-X-SINHO,Xã Sìn Hồ,commune,LCU-UBND,,13,
LCU-X-PHONGTHO,Xã Phong Thổ,commune,LCU-UBND,,14,
LCU-CB-VPSGDDT,Chi bộ Văn phòng Sở Giáo dục và Đào tạo Lai Châu,party_cell,LCU-DU-SGDDT,,1,
LCU-CB-THPTLQD,Chi bộ Trường THPT Chuyên Lê Quý Đôn,party_cell,LCU-DU-SGDDT,,2,
LCU-SVHTTDL-VP,"Văn phòng Sở Văn hóa, Thể thao và Du lịch Lai Châu",other,LCU-SVHTTDL,VP,1,
LCU-SVHTTDL-QLVH,Phòng Quản lý Văn hóa,other,LCU-SVHTTDL,QLVH,2,
LCU-SVHTTDL-QLTT,Phòng Quản lý Thể thao,other,LCU-SVHTTDL,QLTT,3,
LCU-SVHTTDL-QLDL,Phòng Quản lý Du lịch,other,LCU-SVHTTDL,QLDL,4,
LCA-TU,Tỉnh ủy Lào Cai,party_committee,TW,TU,20,Lào Cai
LCA-BTGDVTU,Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai,party_board,LCA-TU,BTGDVTU,1,
LCA-UBND,Ủy ban nhân dân tỉnh Lào Cai,people_committee,LCA-TU,UBND,2,
LCA-SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch Lào Cai",department,LCA-UBND,VHTTDL,1,
LCA-CTTDT,Cổng Thông tin điện tử tỉnh Lào Cai,portal,LCA-UBND,,2,
LCA-TTVHDA,Trung tâm Văn hóa và Điện ảnh tỉnh Lào Cai,other,LCA-SVHTTDL,,1,
LCA-BLC,"Báo và Phát thanh, Truyền hình Lào Cai",press,LCA-UBND,,3,
LCA-P-CAMDUONG,Phường Cam Đường,commune,LCA-UBND,,10,
LCA-P-LAOCAI,Phường Lào Cai,commune,LCA-UBND,,11,
LCA-X-BATXAT,Xã Bát Xát,commune,LCA-UBND,,12,
SLA-TU,Tỉnh ủy Sơn La,party_committee,TW,TU,30,Sơn La
SLA-BTGDVTU,Ban Tuyên giáo và Dân vận Tỉnh ủy Sơn La,party_board,SLA-TU,BTGDVTU,1,
SLA-DU-UBND,Đảng ủy Ủy ban nhân dân tỉnh Sơn La,party_committee,SLA-TU,ĐU,2,
SLA-DU-VPUBND,Đảng ủy Văn phòng UBND tỉnh Sơn La,party_committee,SLA-DU-UBND,ĐUVP,1,
SLA-CB-TONGHOP,Chi bộ Phòng Tổng hợp - Văn phòng UBND tỉnh Sơn La,party_cell,SLA-DU-VPUBND,,1,
SLA-CB-KINHTE,Chi bộ Phòng Kinh tế - Văn phòng UBND tỉnh Sơn La,party_cell,SLA-DU-VPUBND,,2,
SLA-CB-HANHCHINH,Chi bộ Phòng Hành chính - Tổ chức - Văn phòng UBND tỉnh Sơn La,party_cell,SLA-DU-VPUBND,,3,
SLA-UBND,Ủy ban nhân dân tỉnh Sơn La,people_committee,SLA-TU,UBND,3,
SLA-VPUBND,Văn phòng Ủy ban nhân dân tỉnh Sơn La,department,SLA-UBND,VP,1,
SLA-P-TOHIEU,Phường Tô Hiệu,commune,SLA-UBND,,10,
SLA-P-CHIENG-SINH,Phường Chiềng Sinh,commune,SLA-UBND,,11,
`;

