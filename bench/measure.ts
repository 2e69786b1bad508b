/**
 * Timing for the benches: medians and 95th percentiles, read as ratios to a baseline measured in
 * the same process, because absolute times say more about the machine than about the code. The
 * scenarios run in rounds (each once per round, the baseline too), so that whatever else loads
 * the machine meanwhile weighs on all of them alike.
 */
export interface Scenario {
  name: string;
  run: () => unknown;
}

export interface Measure {
  name: string;
  p50: number;
  p95: number;
}

export async function measureInRounds(scenarios: Scenario[], rounds = 15, warmupRounds = 2): Promise<Measure[]> {
  const times = scenarios.map(() => [] as number[]);
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      const started = performance.now();
      await scenario.run();
      if (round >= warmupRounds) times[i]?.push(performance.now() - started);
    }
  }
  return scenarios.map((scenario, i) => {
    const sorted = (times[i] ?? []).sort((a, b) => a - b);
    return { name: scenario.name, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** One line per measure: times in ms, then both percentiles over the baseline's median. */
export function printTable(title: string, [baseline, ...measures]: Measure[]): void {
  if (!baseline) return;
  console.log(`\n${title}`);
  console.table(
    [baseline, ...measures].map((m) => ({
      query: m.name,
      'p50 ms': Number(m.p50.toFixed(2)),
      'p95 ms': Number(m.p95.toFixed(2)),
      'p50 / base': Number((m.p50 / baseline.p50).toFixed(1)),
      'p95 / base': Number((m.p95 / baseline.p50).toFixed(1)),
    })),
  );
}
