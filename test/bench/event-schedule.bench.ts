import { findConflicts, generateSchedule, type SchedulingInput } from '@ohjaamo/employers';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Speed-date schedule generation at the size the issue names: 40 employers × 300 young
// people, 10 ranked preferences each, employers' interest, events of 8 and 12 rounds (2 and 3
// hours of 15-minute slots). Pure computation, no database. Prints one JSON line per scenario;
// asserts only that the schedule is valid (machines differ, so no timing assertions).
const EMPLOYERS = Number(process.env.BENCH_EMPLOYERS ?? 40);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 300);
const RUNS = 5;

// A handle on the garbage collector without a command-line flag, to measure memory.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const MiB = 2 ** 20;

/** A small seeded generator (mulberry32), so every run benchmarks the same event. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Absences = 'none' | 'some' | 'many';

/**
 * A realistic event: employers' popularity is skewed (a few big names are everyone's top
 * choice, weight 1/(rank+1)); 1–3 tables each; every young person ranks 10 employers drawn
 * by popularity; each employer is interested in a few young people, mostly ones who
 * ranked it. With `some` absences, a tenth of the young people arrive two rounds late, a
 * tenth of the employers leave after round 4, and advisers have fixed up to twenty
 * meetings by hand; with `many`, every young person is away in one to three random rounds
 * and a quarter of the employers in two, with the same fixed meetings.
 */
function event(rounds: number, absences: Absences): SchedulingInput {
  const next = random(20261123);
  const randomRounds = (count: number): number[] => {
    const away = new Set<number>();
    while (away.size < Math.min(count, rounds)) away.add(Math.floor(next() * rounds));
    return [...away];
  };
  const employers = Array.from({ length: EMPLOYERS }, (_, i) => ({
    id: `employer-${String(i).padStart(3, '0')}`,
    tables: 1 + Math.floor(next() * 3),
    unavailableRounds:
      absences === 'some' && i % 10 === 3
        ? Array.from({ length: rounds - 4 }, (_, r) => r + 4)
        : absences === 'many' && i % 4 === 1
          ? randomRounds(2)
          : [],
  }));
  const popularity = employers.map((_, i) => 1 / (i + 1));
  const pick = (exclude: Set<number>): number => {
    const total = popularity.reduce((sum, w, i) => sum + (exclude.has(i) ? 0 : w), 0);
    let x = next() * total;
    for (let i = 0; i < popularity.length; i++) {
      if (exclude.has(i)) continue;
      x -= popularity[i];
      if (x <= 0) return i;
    }
    return popularity.findIndex((_, i) => !exclude.has(i));
  };
  const participants = Array.from({ length: PARTICIPANTS }, (_, i) => {
    const ranked = new Set<number>();
    while (ranked.size < Math.min(10, EMPLOYERS)) ranked.add(pick(ranked));
    return {
      id: `participant-${String(i).padStart(4, '0')}`,
      preferences: [...ranked].map((e) => employers[e].id),
      unavailableRounds:
        absences === 'some' && i % 10 === 7
          ? [0, 1]
          : absences === 'many'
            ? randomRounds(1 + Math.floor(next() * 3))
            : [],
    };
  });
  const interest: SchedulingInput['interest'] = [];
  for (const employer of employers) {
    for (const participant of participants) {
      const ranked = participant.preferences.includes(employer.id);
      if (next() < (ranked ? 0.15 : 0.01))
        interest.push({ employerId: employer.id, participantId: participant.id });
    }
  }
  const input: SchedulingInput = { rounds, employers, participants, interest };
  if (absences !== 'none') {
    // Hand-made meetings: a participant with its tenth choice in round 3, one per employer,
    // where both are present.
    const candidates = participants.slice(0, 20).map((p) => ({
      round: 3,
      employerId: p.preferences[9],
      participantId: p.id,
      table: 0,
    }));
    input.fixed = candidates.filter(
      (m, i, all) =>
        all.findIndex((o) => o.employerId === m.employerId) === i &&
        findConflicts(input, [m]).length === 0,
    );
  }
  return input;
}

const SCENARIOS: { rounds: number; absences: Absences }[] = [
  { rounds: 8, absences: 'none' },
  { rounds: 8, absences: 'some' },
  { rounds: 8, absences: 'many' },
  { rounds: 12, absences: 'none' },
  { rounds: 12, absences: 'some' },
  { rounds: 12, absences: 'many' },
];

describe('speed-date schedule generation benchmark', () => {
  for (const { rounds, absences } of SCENARIOS) {
    it(`schedules ${EMPLOYERS} employers × ${PARTICIPANTS} young people in ${rounds} rounds, absences: ${absences}`, () => {
      const input = event(rounds, absences);
      generateSchedule(input); // warm-up (JIT)
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        generateSchedule(input);
        const c1 = process.cpuUsage(c0);
        times.push(performance.now() - t0);
        cpu.push((c1.user + c1.system) / 1000);
      }
      // Memory of one run: heap growth during it, from a collected heap (garbage included,
      // unless the collector ran during the run: an approximation of what it allocates).
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;
      const result = generateSchedule(input);
      const heapAfterRun = process.memoryUsage().heapUsed;
      const memory = process.memoryUsage();
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      const { score } = result;
      const line = {
        absences,
        employers: EMPLOYERS,
        tables: input.employers.reduce((sum, e) => sum + e.tables, 0),
        participants: PARTICIPANTS,
        rounds,
        interest: input.interest.length,
        fixed: input.fixed?.length ?? 0,
        medianMs: Math.round(times[Math.floor(RUNS / 2)]),
        maxMs: Math.round(times[RUNS - 1]),
        // CPU time of this process: less disturbed than wall time when the machine is busy.
        medianCpuMs: Math.round(cpu[Math.floor(RUNS / 2)]),
        runHeapGrowthMiB: Number(((heapAfterRun - heapBefore) / MiB).toFixed(1)),
        processRssMiB: Math.round(memory.rss / MiB),
        meetings: score.meetings,
        perParticipant: score.meetingsPerParticipant,
        withoutMeeting: score.participantsWithoutMeeting,
        choicesMet: score.choicesMet,
        total: score.total,
        upperBound: score.upperBound,
        provenOptimal: score.provenOptimal,
      };
      process.stdout.write(`\n${JSON.stringify(line)}\n`);
      expect(findConflicts(input, result.meetings)).toEqual([]);
    });
  }
});
