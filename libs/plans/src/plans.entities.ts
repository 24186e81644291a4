import { PlanVersion } from './plan/plan-version.entity';
import { Plan } from './plan/plan.entity';
import { LifeArea } from './self-assessment/life-area.entity';
import { SelfAssessment } from './self-assessment/self-assessment.entity';

export const PLAN_ENTITIES = [Plan, PlanVersion, LifeArea, SelfAssessment];
