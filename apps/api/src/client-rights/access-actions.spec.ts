import { actionKind } from './access-actions';
import { yearsBefore } from './access-report.service';

describe('actionKind', () => {
  it.each([
    ['client.read', 'viewed'],
    ['record.listed', 'viewed'],
    ['record.visibility_read', 'viewed'],
    ['plan.versions_read', 'viewed'],
    ['follow_up.tasks_listed', 'viewed'],
    ['client.read_identity_code', 'viewed'],
    ['client.search', 'viewed'],
    ['record.entry_added', 'changed'],
    ['consent.withdrawn', 'changed'],
    ['client.write', 'changed'],
    ['consent.form_printed', 'printed'],
    ['client.exported', 'printed'],
    ['client.access_report', 'printed'],
    ['client.anonymised', 'erased'],
  ])('calls %s %s', (action, kind) => {
    expect(actionKind(action)).toBe(kind);
  });
});

describe('yearsBefore', () => {
  it('goes back whole calendar years', () => {
    expect(yearsBefore(new Date('2026-11-23T05:00:00Z'), 2).toISOString()).toBe(
      '2024-11-23T05:00:00.000Z',
    );
  });

  it('moves 29 February to 1 March', () => {
    expect(yearsBefore(new Date('2028-02-29T12:00:00Z'), 2).toISOString()).toBe(
      '2026-03-01T12:00:00.000Z',
    );
  });
});
