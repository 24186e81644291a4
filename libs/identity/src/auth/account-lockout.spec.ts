import type { AppConfig } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { AccountLockout } from './account-lockout';

const config = { LOCKOUT_THRESHOLD: 3, LOCKOUT_MINUTES: 15 } as AppConfig;
const now = new Date('2026-03-01T10:00:00Z');

function fakeManager(): { manager: EntityManager; updates: unknown[] } {
  const updates: unknown[] = [];
  const manager = {
    update: (_entity: unknown, _where: unknown, changes: unknown) => {
      updates.push(changes);
      return Promise.resolve({ affected: 1 });
    },
  } as unknown as EntityManager;
  return { manager, updates };
}

describe('account lockout', () => {
  const lockout = new AccountLockout(config);

  it('counts failures and locks at the threshold', async () => {
    const { manager, updates } = fakeManager();
    const user = { id: 'u', failedSignIns: 1, lockedUntil: null };
    await expect(lockout.registerFailure(manager, user, now)).resolves.toBe(false);
    await expect(
      lockout.registerFailure(manager, { ...user, failedSignIns: 2 }, now),
    ).resolves.toBe(true);
    expect(updates).toEqual([
      { failedSignIns: 2, lockedUntil: null },
      { failedSignIns: 3, lockedUntil: new Date('2026-03-01T10:15:00Z') },
    ]);
  });

  it('starts a fresh run once a lock has run out', async () => {
    const { manager, updates } = fakeManager();
    const expired = { id: 'u', failedSignIns: 3, lockedUntil: new Date('2026-03-01T09:59:00Z') };
    await expect(lockout.registerFailure(manager, expired, now)).resolves.toBe(false);
    expect(updates).toEqual([{ failedSignIns: 1, lockedUntil: null }]);
  });

  it('reports a lock only while it lasts', () => {
    expect(lockout.isLocked({ lockedUntil: new Date('2026-03-01T10:00:01Z') }, now)).toBe(true);
    expect(lockout.isLocked({ lockedUntil: now }, now)).toBe(false);
    expect(lockout.isLocked({ lockedUntil: null }, now)).toBe(false);
  });
});
