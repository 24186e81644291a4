import {
  applyRowOp,
  errorsOnForm,
  planFormOp,
  planFormValues,
  planInputOf,
  valuesOfPlan,
} from './plan.form';

const STAFF = '6f1c1f7e-9a55-4b8e-8d43-2d6c2f0b1a11';

const body = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: '3',
  type: 'activation_plan',
  startDate: '2026-03-01',
  reviewDate: '',
  'goals.0': 'Oma tavoite',
  'goals.1': '',
  'actions.0.what': 'Hakee kouluun',
  'actions.0.responsible': `staff:${STAFF}`,
  'actions.0.dueDate': '2026-03-10',
  'actions.0.status': 'open',
  'actions.1.what': '',
  'actions.1.responsible': 'young_person',
  'actions.1.dueDate': '',
  'actions.1.status': 'open',
  'actions.2.what': 'Soittaa',
  'actions.2.responsible': 'young_person',
  'actions.2.dueDate': '',
  'actions.2.status': 'open',
  concern: '',
  ifAgreementsNotKept: 'Soitetaan',
  participantStaff: STAFF,
  ...over,
});

describe('the plan form', () => {
  it('reads the rows back in order and turns them into the plan, skipping empty rows', () => {
    const values = planFormValues(body());
    expect(values.goals).toEqual(['Oma tavoite', '']);
    expect(values.actions).toHaveLength(3);
    const parsed = planInputOf(values);
    if (!parsed.ok) throw new Error('expected a plan');
    expect(parsed.version).toBe(3);
    expect(parsed.input.goals).toEqual(['Oma tavoite']);
    expect(parsed.input.actions.map((a) => a.what)).toEqual(['Hakee kouluun', 'Soittaa']);
    expect(parsed.input.actions[0].responsible).toEqual({ kind: 'staff', staffUserId: STAFF });
    expect(parsed.input.reviewDate).toBeNull();
    expect(parsed.input.concern).toBeNull();
    expect(parsed.input.participants).toEqual([{ kind: 'staff', staffUserId: STAFF }]);
    expect(parsed.rowOf.actions).toEqual([0, 2]);
  });

  it('puts a domain error on the form row it came from', () => {
    const values = planFormValues(body());
    const parsed = planInputOf(values);
    if (!parsed.ok) throw new Error('expected a plan');
    const shown = errorsOnForm(
      [{ field: 'actions.1.dueDate', code: 'dueBeforeStart' }],
      parsed.rowOf,
      values,
    );
    expect(shown).toEqual([{ field: 'actions.2.dueDate', code: 'dueBeforeStart' }]);
  });

  it('refuses a responsible party that is not one of the choices and a bad version', () => {
    const parsed = planInputOf(
      planFormValues(body({ version: 'x', 'actions.0.responsible': 'staff:nobody' })),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field).sort()).toEqual(['actions.0.responsible', 'version']);
  });

  it('adds and removes rows keeping everything typed', () => {
    const values = planFormValues(body());
    const added = applyRowOp(values, planFormOp({ op: 'add:goals' }));
    expect(added.goals).toEqual(['Oma tavoite', '', '']);
    const removed = applyRowOp(values, planFormOp({ op: 'remove:actions:0' }));
    expect(removed.actions.map((a) => a.what)).toEqual(['', 'Soittaa']);
    expect(removed.ifAgreementsNotKept).toBe('Soitetaan');
    expect(planFormOp({ op: 'drop table' })).toEqual({ kind: 'save' });
  });

  it('fills the form from a saved plan', () => {
    const values = valuesOfPlan(
      {
        type: 'welfare_plan',
        startDate: '2026-01-01',
        reviewDate: null,
        goals: ['A'],
        actions: [
          {
            what: 'B',
            responsible: { kind: 'agency', organisationId: STAFF },
            dueDate: null,
            status: 'done',
          },
        ],
        concern: null,
        ifAgreementsNotKept: null,
        participants: [{ kind: 'agency', organisationId: STAFF }],
      },
      4,
    );
    expect(values).toMatchObject({
      version: '4',
      reviewDate: '',
      actions: [{ what: 'B', responsible: `agency:${STAFF}`, dueDate: '', status: 'done' }],
      participantAgencies: [STAFF],
    });
  });
});
