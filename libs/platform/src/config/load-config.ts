import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig, SECRET_VARIABLES } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment. Empty strings count as unset so that a blank line
 * in an .env file falls back to the default. Throws a ConfigError naming each bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const known = Object.keys(defaults).concat(['DATABASE_URL', 'REDIS_URL', 'DATA_ENCRYPTION_KEY']);
  const raw: Record<string, unknown> = {};
  for (const name of new Set(known)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  // Without an explicit public address, links point at this machine's own port.
  if (!raw.PUBLIC_URL) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  const problems = errors.map(describe);
  if (config.NODE_ENV === 'production' && !config.DATA_ENCRYPTION_KEY) {
    problems.push('DATA_ENCRYPTION_KEY: required in production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {})
    .map((text) => text.replace(`${error.property} `, ''))
    .join('; ');
  const shown = SECRET_VARIABLES.has(error.property) ? '' : ` (got "${String(error.value)}")`;
  return `${error.property}: ${reasons}${shown}`;
}
