import { QueryFailedError } from 'typeorm';

/** PostgreSQL refused a row for a unique index (23505); `constraint` names which one. */
export function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string } | undefined;
  return driver?.code === '23505' ? (driver.constraint ?? '') : null;
}
