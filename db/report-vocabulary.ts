import { OUTCOME_GROUPS } from '@ohjaamo/outcomes';
import { PLAN_TYPES } from '@ohjaamo/plans';
import type { ReportVocabulary } from '@ohjaamo/reports';
import { VISIT_CHANNELS } from '@ohjaamo/visits';

/**
 * The other libs' code lists the reports count by. libs/reports may not import those libs,
 * so the apps pass these in; like the entity list, this wiring of several libs lives in db/
 * so the api and the worker share one copy.
 */
export const REPORT_VOCABULARY: ReportVocabulary = {
  channels: VISIT_CHANNELS,
  planTypes: PLAN_TYPES,
  outcomeGroups: OUTCOME_GROUPS,
};
