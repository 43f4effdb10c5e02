/**
 * The controlled list of a campaign's channels (hình thức tuyên truyền, issue 12 item 1), with the
 * Vietnamese labels every page and export shows. Pure constants: the web app imports this file too.
 * A channel a plan names that fits none of these stays free text beside the list.
 */
export const campaignChannels = [
  'press',
  'e_portal',
  'social_networks',
  'meetings',
  'loudspeakers',
  'visual_displays',
  'performances',
  'contests',
  'oral',
  'external_information',
] as const;

export type ChannelCode = (typeof campaignChannels)[number];

export const campaignChannelLabels: Record<ChannelCode, string> = {
  press: 'Báo chí, phát thanh, truyền hình',
  e_portal: 'Cổng/trang thông tin điện tử',
  social_networks: 'Mạng xã hội, nền tảng số',
  meetings: 'Hội nghị, sinh hoạt chi bộ, họp thôn, tổ dân phố',
  loudspeakers: 'Hệ thống truyền thanh cơ sở',
  visual_displays: 'Cổ động trực quan (pano, áp phích, băng rôn, màn hình LED)',
  performances: 'Biểu diễn văn nghệ, thông tin lưu động',
  contests: 'Cuộc thi',
  oral: 'Tuyên truyền miệng (báo cáo viên, tuyên truyền viên)',
  external_information: 'Thông tin đối ngoại',
};
