import type { Meeting } from './schedule.types';
import type { SchedulingProblem } from './scheduling-problem';

const FREE = -1;

/**
 * The timetable being built: who sits where in which round. Every employer table is its own
 * column ("virtual table" `employerTableStart[e] + t`), so "one meeting per table per round"
 * and "one meeting per participant per round" are both a single array look-up, and the
 * meetings of a participant and of a table are edges of a bipartite graph coloured by round.
 */
export class ScheduleBoard {
  readonly rounds: number;
  /** First virtual table of each employer; the last entry is the number of tables. */
  readonly employerTableStart: number[];
  /** The employer of each virtual table. */
  readonly tableEmployer: number[];
  /** Meeting id in [participant * rounds + round], or FREE. */
  private readonly participantSlot: Int32Array;
  /** Meeting id in [virtual table * rounds + round], or FREE. */
  private readonly tableSlot: Int32Array;
  private readonly met: Uint8Array;
  private readonly meetingCount: Int32Array;
  // Meetings by id; a removed meeting keeps its id with `alive` 0.
  readonly participantOf: number[] = [];
  readonly tableOf: number[] = [];
  readonly roundOf: number[] = [];
  readonly fixed: boolean[] = [];
  readonly alive: boolean[] = [];
  private journal: BoardChange[] | undefined;

  constructor(readonly problem: SchedulingProblem) {
    this.rounds = problem.rounds;
    this.employerTableStart = [0];
    this.tableEmployer = [];
    problem.tables.forEach((tables, e) => {
      for (let t = 0; t < tables; t++) this.tableEmployer.push(e);
      this.employerTableStart.push(this.employerTableStart[e] + tables);
    });
    this.participantSlot = new Int32Array(problem.participantIds.length * this.rounds).fill(FREE);
    this.tableSlot = new Int32Array(this.tableEmployer.length * this.rounds).fill(FREE);
    this.met = new Uint8Array(problem.participantIds.length * problem.employerIds.length);
    this.meetingCount = new Int32Array(problem.participantIds.length);
  }

  get tableCount(): number {
    return this.tableEmployer.length;
  }

  /** Meeting id of the participant in the round, or -1. */
  participantMeeting(p: number, round: number): number {
    return this.participantSlot[p * this.rounds + round];
  }

  /** Meeting id at the virtual table in the round, or -1. */
  tableMeeting(table: number, round: number): number {
    return this.tableSlot[table * this.rounds + round];
  }

  /** The participant is present and has no meeting in the round. */
  participantFree(p: number, round: number): boolean {
    return (
      this.problem.participantAvailable[p * this.rounds + round] === 1 &&
      this.participantSlot[p * this.rounds + round] === FREE
    );
  }

  /** The table's employer is present and the table is empty in the round. */
  tableFree(table: number, round: number): boolean {
    return (
      this.problem.employerAvailable[this.tableEmployer[table] * this.rounds + round] === 1 &&
      this.tableSlot[table * this.rounds + round] === FREE
    );
  }

  hasMet(p: number, e: number): boolean {
    return this.met[p * this.problem.employerIds.length + e] === 1;
  }

  meetingsOf(p: number): number {
    return this.meetingCount[p];
  }

  employerOf(meeting: number): number {
    return this.tableEmployer[this.tableOf[meeting]];
  }

  /** Adds a meeting; the caller has checked that both sides are free. Returns its id. */
  add(p: number, table: number, round: number, fixed = false): number {
    const id = this.participantOf.length;
    this.participantOf.push(p);
    this.tableOf.push(table);
    this.roundOf.push(round);
    this.fixed.push(fixed);
    this.alive.push(true);
    this.occupy(id);
    this.journal?.push({ kind: 'add', id });
    return id;
  }

  private occupy(id: number): void {
    const p = this.participantOf[id];
    this.participantSlot[p * this.rounds + this.roundOf[id]] = id;
    this.tableSlot[this.tableOf[id] * this.rounds + this.roundOf[id]] = id;
    this.met[p * this.problem.employerIds.length + this.employerOf(id)] = 1;
    this.meetingCount[p] += 1;
  }

  remove(id: number): void {
    const p = this.participantOf[id];
    this.participantSlot[p * this.rounds + this.roundOf[id]] = FREE;
    this.tableSlot[this.tableOf[id] * this.rounds + this.roundOf[id]] = FREE;
    this.met[p * this.problem.employerIds.length + this.employerOf(id)] = 0;
    this.meetingCount[p] -= 1;
    this.alive[id] = false;
    this.journal?.push({ kind: 'remove', id });
  }

  /** Moves meetings to new rounds at once (a Kempe swap); the caller keeps it valid. */
  reround(moves: { id: number; round: number }[]): void {
    this.journal?.push({
      kind: 'reround',
      moves: moves.map(({ id }) => ({ id, round: this.roundOf[id] })),
    });
    for (const { id } of moves) {
      this.participantSlot[this.participantOf[id] * this.rounds + this.roundOf[id]] = FREE;
      this.tableSlot[this.tableOf[id] * this.rounds + this.roundOf[id]] = FREE;
    }
    for (const { id, round } of moves) {
      this.roundOf[id] = round;
      this.participantSlot[this.participantOf[id] * this.rounds + round] = id;
      this.tableSlot[this.tableOf[id] * this.rounds + round] = id;
    }
  }

  /**
   * Starts recording changes so that `rollBack` can undo them (a trial exchange that does
   * not pay off); `keep` stops recording and keeps them. Costs only the changes made.
   */
  beginTrial(): void {
    this.journal = [];
  }

  keep(): void {
    this.journal = undefined;
  }

  rollBack(): void {
    const journal = this.journal ?? [];
    this.journal = undefined;
    for (let i = journal.length - 1; i >= 0; i--) {
      const change = journal[i];
      if (change.kind === 'add') {
        // Added meetings are the newest ids, undone newest first: drop them entirely.
        this.remove(change.id);
        for (const list of [this.participantOf, this.tableOf, this.roundOf, this.fixed, this.alive])
          list.pop();
      } else if (change.kind === 'remove') {
        this.alive[change.id] = true;
        this.occupy(change.id);
      } else {
        this.reround(change.moves);
      }
    }
  }

  /** The live meetings, sorted by round, employer id, table and participant id. */
  toMeetings(): Meeting[] {
    const { employerIds, participantIds } = this.problem;
    const meetings: Meeting[] = [];
    this.alive.forEach((alive, id) => {
      if (!alive) return;
      const e = this.employerOf(id);
      meetings.push({
        round: this.roundOf[id],
        employerId: employerIds[e],
        participantId: participantIds[this.participantOf[id]],
        table: this.tableOf[id] - this.employerTableStart[e],
      });
    });
    return meetings.sort(
      (a, b) =>
        a.round - b.round ||
        (a.employerId < b.employerId ? -1 : a.employerId > b.employerId ? 1 : 0) ||
        a.table - b.table ||
        (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
    );
  }
}

type BoardChange =
  | { kind: 'add'; id: number }
  | { kind: 'remove'; id: number }
  | { kind: 'reround'; moves: { id: number; round: number }[] };
