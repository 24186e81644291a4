import pino, { Logger } from 'pino';
import { REDACT_PATHS } from './redaction';

/** A plain pino logger for code that runs outside Nest (launcher, CLI scripts, worker jobs). */
export function createBaseLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  });
}
