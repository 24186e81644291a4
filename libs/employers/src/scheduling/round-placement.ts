import type { ScheduleBoard } from './schedule-board';

/**
 * Gives chosen pairs a round and a table: edge colouring of the bipartite graph
 * participants × employer tables, with rounds as colours.
 *
 * A pair (p, e) goes to a table of e that has a round free on both sides. If there is
 * none, it uses a round a free at p and a round b free at the table, and swaps a and b
 * along the alternating a/b path that starts at the table (a Kempe chain). The path
 * cannot reach p (p has no meeting in round a), so afterwards round a is free at both.
 * This is the constructive proof of König's edge-colouring theorem: when everybody is
 * present in every round and nothing is fixed, every pair choice in which no participant
 * and no table has more meetings than rounds gets placed. With absences or fixed
 * meetings a swap may be impossible (a moved meeting would land in a round where someone
 * is away, or the path holds a fixed meeting); the swap is then refused, other rounds and
 * tables are tried, and a pair that fits nowhere is returned unplaced.
 */
export function placePairs(board: ScheduleBoard, pairs: [number, number][]): [number, number][] {
  const unplaced: [number, number][] = [];
  for (const [p, e] of orderForPlacement(board, pairs)) {
    if (!place(board, p, e)) unplaced.push([p, e]);
  }
  return unplaced;
}

/** Most constrained first (fewest rounds both sides are free), then by index. */
function orderForPlacement(board: ScheduleBoard, pairs: [number, number][]): [number, number][] {
  const options = (p: number, e: number): number => {
    let n = 0;
    for (let r = 0; r < board.rounds; r++) {
      if (board.participantFree(p, r) && tablesOf(board, e).some((t) => board.tableFree(t, r)))
        n += 1;
    }
    return n;
  };
  return pairs
    .map(([p, e]) => ({ p, e, options: options(p, e) }))
    .sort((a, b) => a.options - b.options || a.p - b.p || a.e - b.e)
    .map(({ p, e }): [number, number] => [p, e]);
}

export function place(board: ScheduleBoard, p: number, e: number): boolean {
  // The emptiest table first, so an employer's meetings spread over its tables.
  const tables = tablesOf(board, e)
    .map((t) => ({ t, free: freeRounds(board, t) }))
    .filter(({ free }) => free > 0)
    .sort((a, b) => b.free - a.free || a.t - b.t)
    .map(({ t }) => t);
  for (const t of tables) {
    for (let r = 0; r < board.rounds; r++) {
      if (board.participantFree(p, r) && board.tableFree(t, r)) {
        board.add(p, t, r);
        return true;
      }
    }
  }
  for (const t of tables) {
    if (placeBySwap(board, p, t)) return true;
  }
  return false;
}

/** Tries every Kempe swap that would free a common round for p and table t. */
function placeBySwap(board: ScheduleBoard, p: number, t: number): boolean {
  const employer = board.tableEmployer[t];
  const { participantAvailable, employerAvailable } = board.problem;
  const R = board.rounds;
  for (let a = 0; a < R; a++) {
    // Round a is free at p and the employer is present; the table is busy in a.
    if (!board.participantFree(p, a) || employerAvailable[employer * R + a] !== 1) continue;
    for (let b = 0; b < R; b++) {
      if (b === a || !board.tableFree(t, b) || participantAvailable[p * R + b] !== 1) continue;
      // Free a at the table by swapping a/b along the path from the table.
      const moves = kempePath(board, t, 'table', a, b);
      if (moves) {
        board.reround(moves);
        board.add(p, t, a);
        return true;
      }
    }
  }
  for (let b = 0; b < R; b++) {
    // Round b is free at the table and p is present; p is busy in b.
    if (!board.tableFree(t, b) || participantAvailable[p * R + b] !== 1) continue;
    for (let a = 0; a < R; a++) {
      if (a === b || !board.participantFree(p, a) || employerAvailable[employer * R + a] !== 1)
        continue;
      // Free b at p by swapping b/a along the path from p.
      const moves = kempePath(board, p, 'participant', b, a);
      if (moves) {
        board.reround(moves);
        board.add(p, t, b);
        return true;
      }
    }
  }
  return false;
}

/**
 * The alternating path from `start` whose first meeting is in round `first`, then
 * `second`, `first`, …, as moves to the other round; undefined when the swap would
 * move a fixed meeting or put the path's last vertex into a round it is away.
 */
function kempePath(
  board: ScheduleBoard,
  start: number,
  side: 'participant' | 'table',
  first: number,
  second: number,
): { id: number; round: number }[] | undefined {
  const moves: { id: number; round: number }[] = [];
  let vertex = start;
  let onTable = side === 'table';
  let round = first;
  for (;;) {
    const id = onTable
      ? board.tableMeeting(vertex, round)
      : board.participantMeeting(vertex, round);
    if (id === -1) break;
    if (board.fixed[id]) return undefined;
    const other = round === first ? second : first;
    moves.push({ id, round: other });
    vertex = onTable ? board.participantOf[id] : board.tableOf[id];
    onTable = !onTable;
    round = other;
  }
  if (moves.length === 0) return undefined;
  // The last vertex gains a meeting in `round` (the last move's new round).
  const { participantAvailable, employerAvailable } = board.problem;
  const present = onTable
    ? employerAvailable[board.tableEmployer[vertex] * board.rounds + round] === 1
    : participantAvailable[vertex * board.rounds + round] === 1;
  return present ? moves : undefined;
}

function tablesOf(board: ScheduleBoard, e: number): number[] {
  const tables: number[] = [];
  for (let t = board.employerTableStart[e]; t < board.employerTableStart[e + 1]; t++)
    tables.push(t);
  return tables;
}

function freeRounds(board: ScheduleBoard, t: number): number {
  let n = 0;
  for (let r = 0; r < board.rounds; r++) if (board.tableFree(t, r)) n += 1;
  return n;
}
