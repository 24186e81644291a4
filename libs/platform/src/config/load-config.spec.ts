import { AppConfig } from './app-config';
import { ConfigError, loadConfig } from './load-config';

/** A well-formed DATA_ENCRYPTION_KEY: 32 bytes in base64. */
const KEY = Buffer.alloc(32, 7).toString('base64');

/** The ConfigError that loading `env` throws; fails the test when it throws none. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the defaults when the environment is empty', () => {
    const config = loadConfig({});

    expect(config).toBeInstanceOf(AppConfig);
    expect(config).toEqual(new AppConfig());
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DEMO_DATA: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('treats empty and blank values as unset', () => {
    const config = loadConfig({
      PORT: '',
      HOST: '   ',
      LOG_LEVEL: '',
      DEMO_DATA: '',
      DATABASE_URL: '',
      REDIS_URL: ' ',
    });

    expect(config).toEqual(new AppConfig());
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('reads set values, trimmed, with numbers as numbers', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_ENCRYPTION_KEY: KEY,
      HOST: ' 0.0.0.0 ',
      PORT: '8080',
      DATABASE_URL: 'postgres://app:secret@db.example:5432/ohjaamo',
      REDIS_URL: 'redis://cache.example:6379',
      LOG_LEVEL: 'warn',
      DEFAULT_LANGUAGE: 'sv',
    });

    expect(config).toMatchObject({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: 8080,
      DATABASE_URL: 'postgres://app:secret@db.example:5432/ohjaamo',
      REDIS_URL: 'redis://cache.example:6379',
      LOG_LEVEL: 'warn',
      DEFAULT_LANGUAGE: 'sv',
      DATA_ENCRYPTION_KEY: KEY,
    });
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ SOMETHING_ELSE: 'x', PATH: '/usr/bin' })).toEqual(new AppConfig());
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('parses DEMO_DATA=%s as %s', (value, expected) => {
    expect(loadConfig({ DEMO_DATA: value }).DEMO_DATA).toBe(expected);
  });

  it('rejects a DEMO_DATA that is not a boolean', () => {
    const error = configError({ DEMO_DATA: 'yes' });
    expect(error.message).toContain('DEMO_DATA');
    expect(error.message).toContain('"yes"');
  });

  it('rejects PORT=abc, naming PORT and showing the value', () => {
    const error = configError({ PORT: 'abc' });

    expect(error.name).toBe('ConfigError');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PORT: /);
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('"abc"');
  });

  it.each(['0', '65536', '3000.5', '-1'])('rejects PORT=%s', (value) => {
    expect(configError({ PORT: value }).message).toContain('PORT:');
  });

  it('rejects a bad DATABASE_URL without echoing it, since it may hold a password', () => {
    const value = 'mysql://ohjaamo:Hunter2-Secret@db.example/ohjaamo';
    const error = configError({ DATABASE_URL: value });

    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('Hunter2-Secret');
    expect(error.message).not.toContain('db.example');
    expect(error.message).not.toContain('mysql');
  });

  it('rejects a bad REDIS_URL without echoing it', () => {
    const error = configError({ REDIS_URL: 'http://:Hunter2-Secret@cache.example' });

    expect(error.message).toContain('REDIS_URL');
    expect(error.message).not.toContain('Hunter2-Secret');
  });

  it('requires DATA_ENCRYPTION_KEY in production only', () => {
    expect(configError({ NODE_ENV: 'production' }).message).toContain('DATA_ENCRYPTION_KEY');
    expect(loadConfig({ NODE_ENV: 'development' }).DATA_ENCRYPTION_KEY).toBeUndefined();
  });

  it('rejects a malformed DATA_ENCRYPTION_KEY without echoing it', () => {
    const error = configError({ DATA_ENCRYPTION_KEY: 'Hunter2-Secret' });

    expect(error.message).toContain('DATA_ENCRYPTION_KEY');
    expect(error.message).not.toContain('Hunter2-Secret');
  });

  it('reports every bad variable at once', () => {
    const error = configError({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'localhost',
      DATABASE_URL: 'nonsense',
      DEMO_DATA: 'maybe',
      HOST: '127.0.0.1',
    });

    const named = error.problems.map((problem) => problem.split(':')[0]).sort();
    expect(named).toEqual(['DATABASE_URL', 'DEMO_DATA', 'LOG_LEVEL', 'PORT', 'PUBLIC_URL']);
    for (const name of named) expect(error.message).toContain(`${name}:`);
    expect(error.message).toContain('"loud"');
    expect(error.message).not.toContain('nonsense');
  });
});
