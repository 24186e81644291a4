import { PlansApiController } from './plans.controller';
import {
  LifeAreasApiController,
  SelfAssessmentsApiController,
} from './self-assessments.controller';

/** The REST controllers of shared plans and self-assessments (registered in AppModule). */
export const PLANS_API_CONTROLLERS = [
  PlansApiController,
  SelfAssessmentsApiController,
  LifeAreasApiController,
];
