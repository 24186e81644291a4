import { QueryFailedError } from 'typeorm';

/**
 * A failed query's error carries its parameters (names, phone numbers ...), and
 * PostgreSQL's `detail` can quote the whole failing row. The error filter logs unexpected
 * errors in full, so both are removed before the error leaves the repository; the SQL
 * state (`code`) and constraint name stay for handling and diagnosis.
 */
export function scrubQueryError(error: unknown): unknown {
  if (error instanceof QueryFailedError) {
    const writable = error as { parameters?: unknown[]; detail?: string };
    writable.parameters = [];
    if (writable.detail !== undefined) writable.detail = '[redacted]';
    const driver = error.driverError as { detail?: string } | undefined;
    if (driver?.detail !== undefined) driver.detail = '[redacted]';
  }
  return error;
}

/** Runs a query and rethrows any failure scrubbed of personal data. */
export async function scrubbed<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    throw scrubQueryError(error);
  }
}
