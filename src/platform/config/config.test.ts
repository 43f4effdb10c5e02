import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, withOverrides } from './config.js';

describe('parseConfig', () => {
  it('uses the documented defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: path.resolve('./data'), databaseUrl: undefined, embeddedPgPort: 0, sessionHours: 12 });
  });

  it('reads every setting from the environment', () => {
    const config = parseConfig({ PORT: '8080', HOST: '0.0.0.0', LANTOA_DATA_DIR: '/var/lib/lantoa', DATABASE_URL: 'postgres://u:p@db:5432/lantoa', LANTOA_SESSION_HOURS: '8' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/lantoa', databaseUrl: 'postgres://u:p@db:5432/lantoa', sessionHours: 8 });
  });

  it('reports all invalid settings together, naming each one and its value', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LANTOA_SESSION_HOURS: 'abc', LANTOA_LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.setting).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LANTOA_LOG_LEVEL', 'LANTOA_SESSION_HOURS', 'PORT']);
    expect((error as ConfigError).message).toContain('PORT="70000"');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('lets command-line options override the environment, ignoring those not given', () => {
    const config = withOverrides(parseConfig({ PORT: '4000' }), { port: 5000, host: undefined });
    expect(config).toMatchObject({ port: 5000, host: '127.0.0.1' });
  });
});

describe('LANTOA_TRUST_PROXY', () => {
  it('is off by default and reads true, a hop count and a list of addresses or CIDRs', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ LANTOA_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ LANTOA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ LANTOA_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseConfig({ LANTOA_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('refuses anything else, naming the setting', () => {
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,', 'proxy.local', '1.2.3.4/8/1']) {
      expect(() => parseConfig({ LANTOA_TRUST_PROXY: bad }), bad).toThrow(/LANTOA_TRUST_PROXY/);
    }
  });
});
