import { QueryFailedError } from 'typeorm';
import { scrubbed } from './query-error-scrub';

describe('scrubbed', () => {
  it('removes parameters and the failing row from a query error, keeping its code', async () => {
    const driverError = Object.assign(new Error('new row violates check constraint'), {
      code: '23514',
      constraint: 'CHK_clients_no_address_when_protected',
      detail: 'Failing row contains (Aino, Virtanen, Kauppakatu 1).',
    });
    const failure = new QueryFailedError(
      'INSERT INTO "clients" ...',
      ['Aino', 'Virtanen'],
      driverError,
    );
    const error = await scrubbed(Promise.reject(failure)).catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(JSON.stringify({ ...(error as object) })).not.toMatch(/Aino|Virtanen|Kauppakatu/);
    expect(error).toMatchObject({
      code: '23514',
      constraint: 'CHK_clients_no_address_when_protected',
    });
  });

  it('passes results and other errors through', async () => {
    await expect(scrubbed(Promise.resolve(1))).resolves.toBe(1);
    const other = new Error('other');
    await expect(scrubbed(Promise.reject(other))).rejects.toBe(other);
  });
});
