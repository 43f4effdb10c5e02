import type { ThemeConfig } from 'antd';

/** Lan Tỏa's blue: the header, primary buttons, links. */
export const brandBlue = '#1554a5';

/**
 * Colour tokens that pass WCAG 2.1 AA (theme.test.ts computes every ratio from antd's derived tokens):
 * text at least 4.5:1 on white, on the grey page background and on the pale tag and alert backgrounds;
 * the focus outline at least 3:1. antd's defaults do not: secondary text and placeholders are 45 % and
 * 25 % black, errors #ff4d4f, links #1677ff, tag texts the palette's 7th shade, the focus outline 2.5:1.
 */
const textTokens = {
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6b6b6b',
  colorLink: brandBlue,
  colorInfo: brandBlue,
  colorError: '#c4161c',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  // Dark status colours would darken their derived backgrounds: keep antd's pale ones.
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorInfoBg: '#e8f0fa',
  colorInfoBorder: '#a9c4e6',
} as const;

/**
 * Tag texts (`<Tag color="green">`): the palette's 8th or 9th shade instead of its 7th, on the tag's
 * pale background (the palette's 1st shade). antd 6 does not let the theme override palette shades
 * (its CSS variables keep the generated ones), so `themeCss` sets them.
 */
export const tagTextColors = {
  blue: '#003eb3',
  purple: '#531dab',
  cyan: '#006d75',
  green: '#237804',
  magenta: '#9e1068',
  pink: '#9e1068',
  red: '#a8071a',
  orange: '#ad4e00',
  yellow: '#876800',
  volcano: '#ad2102',
  geekblue: '#1d39c4',
  gold: '#874d00',
  lime: '#3f6600',
} as const;

/** Text that antd draws in its "disabled" grey although it is content: empty lists and tables. */
export const emptyTextColor = textTokens.colorTextTertiary;

/** What the theme's tokens cannot reach (see tagTextColors), as CSS; App renders it once. Doubled classes outrank antd's rules. */
export const themeCss = [
  ...Object.entries(tagTextColors).map(([c, v]) => `.ant-tag.ant-tag.ant-tag-${c}.ant-tag-${c}:not(.ant-tag-disabled):not(.ant-tag-solid){color:${v}}`),
  `.ant-list .ant-list-empty-text.ant-list-empty-text,.ant-table-wrapper .ant-table-tbody>tr.ant-table-placeholder.ant-table-placeholder{color:${emptyTextColor}}`,
].join('\n');

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: brandBlue,
    borderRadius: 6,
    ...textTokens,
    // The focus outline (antd draws it in colorPrimaryBorder): 3:1 against white at least.
    colorPrimaryBorder: '#4f7fbf',
    // One h1 per page at the size page titles had as h3.
    fontSizeHeading1: 24,
    lineHeightHeading1: 4 / 3,
  },
};
