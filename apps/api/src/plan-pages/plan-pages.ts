import { ConcernsPageController } from '../outcome-pages/concerns.page.controller';
import { OutcomesPageController } from '../outcome-pages/outcomes.page.controller';
import { OutcomesPageView } from '../outcome-pages/outcomes-page.view';
import { TasksPageController } from '../outcome-pages/tasks.page.controller';
import { ClientPagesContext } from './client-header';
import { PlanPageController } from './plan.page.controller';
import { SelfAssessmentChartBuilder } from './self-assessment-chart';
import { SelfAssessmentsPageController } from './self-assessments.page.controller';

/** The pages of a client's plan, self-assessments, outcomes and concerns, and "My tasks". */
export const PLAN_PAGE_CONTROLLERS = [
  PlanPageController,
  SelfAssessmentsPageController,
  OutcomesPageController,
  ConcernsPageController,
  TasksPageController,
];

export const PLAN_PAGE_PROVIDERS = [
  ClientPagesContext,
  OutcomesPageView,
  SelfAssessmentChartBuilder,
];
