import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './lib/contrast.js';
import { appTheme, emptyTextColor, tagTextColors, themeCss } from './theme.js';

const token = theme.getDesignToken(appTheme);
const read = (name: string): string => (token as unknown as Record<string, string>)[name] ?? '';
/** The backgrounds text sits on: cards, the page, table headers, the login and public pages' grey. */
const backgrounds = ['#ffffff', token.colorBgLayout, token.colorFillAlter, '#f5f5f5', '#f5f7fa'];

describe('contrast calculation', () => {
  it('gives the known WCAG ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('rgba(0,0,0,0.45)', '#ffffff')).toBeCloseTo(contrastRatio('#8c8c8c', '#fff'), 1);
  });
});

describe('theme contrast (WCAG 2.1 AA)', () => {
  it.each(['colorText', 'colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextPlaceholder', 'colorTextLabel', 'colorLink', 'colorError', 'colorSuccess', 'colorWarning', 'colorPrimary'])(
    '%s is readable (4.5:1) on every page background',
    (name) => {
      for (const bg of backgrounds) expect(contrastRatio(read(name), bg), `${name} ${read(name)} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(['Error', 'Success', 'Warning', 'Info'])('status tags and alerts: the %s colour reaches 4.5:1 on its pale background', (status) => {
    expect(contrastRatio(read(`color${status}`), read(`color${status}Bg`))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(tagTextColors))('a %s tag’s text (%s) reaches 4.5:1 on its pale background, and themeCss sets it', (color, text) => {
    expect(contrastRatio(text, read(`${color}1`))).toBeGreaterThanOrEqual(4.5);
    expect(themeCss).toContain(`.ant-tag-${color}:not(.ant-tag-disabled):not(.ant-tag-solid){color:${text}}`);
  });

  it('empty lists and tables say so in readable text', () => {
    for (const bg of backgrounds) expect(contrastRatio(emptyTextColor, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(token.colorTextDisabled, '#ffffff')).toBeLessThan(4.5);
    expect(themeCss).toContain(`{color:${emptyTextColor}}`);
  });

  it('the focus outline reaches 3:1 against white and the page background, and white text on the primary colour 4.5:1', () => {
    for (const bg of backgrounds) expect(contrastRatio(token.colorPrimaryBorder, bg)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(token.colorTextLightSolid, token.colorPrimary)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(token.colorTextLightSolid, token.colorError)).toBeGreaterThanOrEqual(4.5);
  });

  it('antd’s defaults fail, which is why the theme sets them', () => {
    const defaults = theme.getDesignToken({ token: { colorPrimary: appTheme.token?.colorPrimary } });
    expect(contrastRatio(defaults.colorTextDescription, '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio(defaults.colorLink, '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio(defaults.colorPrimaryBorder, '#ffffff')).toBeLessThan(3);
    expect(contrastRatio(defaults.green7, defaults.green1)).toBeLessThan(4.5);
  });
});
