import { DomainError, type FieldError } from '@ohjaamo/platform';
import { compare } from './schedule-conflicts';
import { pairValue } from './schedule-objective';
import type { SchedulingInput } from './schedule.types';

/**
 * The input in canonical, indexed form: employers and participants sorted by id (so the
 * result never depends on input order) and numbered, flags in flat typed arrays
 * (`[participant * employers + employer]`, `[party * rounds + round]`) so the 40 × 300
 * case stays small and fast.
 */
export interface SchedulingProblem {
  rounds: number;
  employerIds: string[];
  participantIds: string[];
  employerIndex: Map<string, number>;
  participantIndex: Map<string, number>;
  tables: number[];
  /** 1 when the employer is present in the round. */
  employerAvailable: Uint8Array;
  participantAvailable: Uint8Array;
  /** The participant's rank of the employer, 1 = first choice; 0 = not ranked. */
  rank: Uint16Array;
  /** 1 when the employer stated interest in the participant. */
  interest: Uint8Array;
  /** 1 when the generator may schedule the pair: ranked, or the employer is interested. */
  allowed: Uint8Array;
  /** v(p, e) of the objective, computed once. */
  value: Int32Array;
}

/** Upper limits that keep a mistyped number from allocating gigabytes. */
export const MAX_ROUNDS = 1000;
export const MAX_TABLES = 1000;

/**
 * Checks the shape the scheduler relies on and builds the indexed form. Unknown employer
 * ids in preferences or interest and rounds outside the event in availability are
 * ignored (they cannot lead to a meeting): ranks count known employers only, and a
 * repeated preference keeps its first rank.
 */
export function toProblem(input: SchedulingInput): SchedulingProblem {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.rounds) || input.rounds < 0 || input.rounds > MAX_ROUNDS) {
    errors.push({ field: 'rounds', code: 'isInt' });
  }
  input.employers.forEach((e, i) => {
    if (!Number.isInteger(e.tables) || e.tables < 0 || e.tables > MAX_TABLES) {
      errors.push({ field: `employers[${i}].tables`, code: 'isInt' });
    }
  });
  errors.push(
    ...duplicateIds('employers', input.employers),
    ...duplicateIds('participants', input.participants),
  );
  if (errors.length > 0) throw DomainError.validation(errors);

  const rounds = input.rounds;
  const employers = [...input.employers].sort((a, b) => compare(a.id, b.id));
  const participants = [...input.participants].sort((a, b) => compare(a.id, b.id));
  const employerIndex = new Map(employers.map((e, i) => [e.id, i]));
  const participantIndex = new Map(participants.map((p, i) => [p.id, i]));
  const E = employers.length;

  const availability = (parties: { unavailableRounds?: number[] }[]): Uint8Array => {
    const available = new Uint8Array(parties.length * rounds).fill(1);
    parties.forEach((party, i) => {
      for (const r of party.unavailableRounds ?? []) {
        if (Number.isInteger(r) && r >= 0 && r < rounds) available[i * rounds + r] = 0;
      }
    });
    return available;
  };

  const rank = new Uint16Array(participants.length * E);
  participants.forEach((p, pi) => {
    let position = 0;
    for (const employerId of p.preferences) {
      const e = employerIndex.get(employerId);
      if (e === undefined || rank[pi * E + e] !== 0) continue;
      position += 1;
      rank[pi * E + e] = Math.min(position, 0xffff);
    }
  });
  const interest = new Uint8Array(participants.length * E);
  for (const { employerId, participantId } of input.interest) {
    const e = employerIndex.get(employerId);
    const p = participantIndex.get(participantId);
    if (e !== undefined && p !== undefined) interest[p * E + e] = 1;
  }

  const allowed = new Uint8Array(rank.length);
  const value = new Int32Array(rank.length);
  for (let i = 0; i < rank.length; i++) {
    allowed[i] = rank[i] !== 0 || interest[i] !== 0 ? 1 : 0;
    value[i] = pairValue(rank[i], interest[i] !== 0);
  }

  return {
    rounds,
    employerIds: employers.map((e) => e.id),
    participantIds: participants.map((p) => p.id),
    employerIndex,
    participantIndex,
    tables: employers.map((e) => e.tables),
    employerAvailable: availability(employers),
    participantAvailable: availability(participants),
    rank,
    interest,
    allowed,
    value,
  };
}

/** Whether the generator may schedule the pair (participant p, employer e). */
export function pairAllowed(problem: SchedulingProblem, p: number, e: number): boolean {
  return problem.allowed[p * problem.employerIds.length + e] === 1;
}

/** v(p, e) of the objective. */
export function pairValueOf(problem: SchedulingProblem, p: number, e: number): number {
  return problem.value[p * problem.employerIds.length + e];
}

function duplicateIds(list: string, parties: { id: string }[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  parties.forEach((party, i) => {
    if (seen.has(party.id)) {
      errors.push({
        field: `${list}[${i}].id`,
        code: 'duplicate',
        messageKey: 'events.fieldErrors.duplicateId',
      });
    }
    seen.add(party.id);
  });
  return errors;
}
