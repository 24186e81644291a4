/**
 * Refuses to run destructive test helpers against a database whose name lacks "test",
 * so a mistyped URL can never wipe real data.
 */
export function assertTestDatabase(url: string): void {
  const name = databaseName(url);
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to use database "${name}" for tests: its name must contain "test".`);
  }
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || '(none)';
}
