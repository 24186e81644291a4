import type { PlanInput } from './plan-content';
import { cleanPlan, planErrors } from './plan-rules';

const plan = (over: Partial<PlanInput> = {}): PlanInput => ({
  type: 'shared_service_plan',
  startDate: '2026-03-01',
  reviewDate: '2026-06-01',
  goals: ['Saada opiskelupaikka'],
  actions: [
    {
      what: 'Hae yhteishaussa',
      responsible: { kind: 'young_person' },
      dueDate: '2026-03-15',
      status: 'open',
    },
  ],
  concern: null,
  ifAgreementsNotKept: null,
  participants: [],
  ...over,
});

describe('plan rules', () => {
  it('accepts a plan whose actions fall due after it starts', () => {
    expect(planErrors(plan())).toEqual([]);
  });

  it('refuses an action due before the plan starts, naming the action', () => {
    const input = plan({
      actions: [
        { what: 'x', responsible: { kind: 'young_person' }, dueDate: '2026-02-28', status: 'open' },
      ],
    });
    expect(planErrors(input)).toEqual([
      expect.objectContaining({ field: 'actions.0.dueDate', code: 'dueBeforeStart' }),
    ]);
  });

  it('refuses a review before the start and an unknown type', () => {
    const fields = planErrors(plan({ reviewDate: '2026-01-01', type: 'diet_plan' as never })).map(
      (e) => e.field,
    );
    expect(fields.sort()).toEqual(['reviewDate', 'type']);
  });

  it('keeps only the id that belongs to the responsible party', () => {
    const cleaned = cleanPlan(
      plan({
        actions: [
          {
            what: ' x ',
            responsible: { kind: 'young_person', staffUserId: 'u' } as never,
            dueDate: null,
            status: 'open',
          },
        ],
        concern: '  ',
      }),
    );
    expect(cleaned.actions[0]).toEqual({
      what: 'x',
      responsible: { kind: 'young_person' },
      dueDate: null,
      status: 'open',
    });
    expect(cleaned.concern).toBeNull();
  });
});
