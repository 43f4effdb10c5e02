import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/config.js';
import { configureMail, mailSettings, mailStatusLine } from './settings.js';

describe('mail settings', () => {
  it('are off without LANTOA_SMTP_URL, and say so in one line (Vietnamese and English)', () => {
    expect(configureMail(parseConfig({}))).toBeNull();
    expect(mailSettings()).toBeNull();
    const line = mailStatusLine(null);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('chỉ gửi thông báo trong ứng dụng');
    expect(line).toContain('in-app notifications only');
  });

  it('read the SMTP URL and the sender; the status line hides the password', () => {
    const settings = configureMail(parseConfig({ LANTOA_SMTP_URL: 'smtp://user:secret@mail.example.vn:587', LANTOA_MAIL_FROM: 'Sở VHTTDL <baocao@example.vn>' }));
    expect(settings).toEqual({ smtpUrl: 'smtp://user:secret@mail.example.vn:587', from: 'Sở VHTTDL <baocao@example.vn>' });
    expect(mailSettings()).toBe(settings);
    expect(mailStatusLine(settings)).not.toContain('secret');
    expect(mailStatusLine(settings)).toContain('mail.example.vn:587');
    configureMail({ smtpUrl: undefined, mailFrom: 'x' });
  });

  it('refuse a URL that is not smtp:// or smtps://', () => {
    expect(() => parseConfig({ LANTOA_SMTP_URL: 'http://mail.example.vn' })).toThrow(ConfigError);
    expect(parseConfig({}).mailFrom).toBe('Lan Tỏa <no-reply@lantoa.local>');
  });
});
