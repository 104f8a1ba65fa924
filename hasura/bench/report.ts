import { figures, type Figures } from './figures.ts';
import type { LoadResult } from './load-generator.ts';
import { TARGETS, type TargetKey } from './measure-scenario.ts';

export interface ScenarioReport {
  name: string;
  /** Average size of the engine's `data` as JSON text. */
  responseBytes: number;
  results: Record<TargetKey, LoadResult>;
}

const ms = (value: number) => value.toFixed(2).padStart(8);
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');

function row(label: string, f: Figures): string {
  return `  ${label.padEnd(26)} ${f.requestsPerSecond.toFixed(1).padStart(8)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.p99)} ${String(f.requests).padStart(9)} ${String(f.errors).padStart(6)}`;
}

/** One scenario's table: requests per second and latency percentiles of every target. */
export function formatScenario(index: number, report: ScenarioReport): string {
  const header = `  ${'target'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'requests'.padStart(9)} ${'errors'.padStart(6)}`;
  const lines = [`${index}. ${report.name} (engine data ≈ ${(report.responseBytes / 1024).toFixed(1)} KiB per response)`, header];
  for (const { key, label } of TARGETS) {
    const f = figures(report.results[key]);
    lines.push(row(label, f));
    if (f.firstError) lines.push(`    first error: ${f.firstError}`);
  }
  return lines.join('\n');
}

const SUMMARY_ROWS: Array<{ label: string; value: (f: Record<TargetKey, Figures>) => number }> = [
  { label: "engine p50 ÷ engine's SQL p50", value: (f) => f.engine.p50 / f.engineSql.p50 },
  { label: "engine p95 ÷ engine's SQL p95", value: (f) => f.engine.p95 / f.engineSql.p95 },
  { label: 'engine p50 ÷ hand-written SQL p50', value: (f) => f.engine.p50 / f.handSql.p50 },
  { label: "engine's SQL p50 ÷ hand-written p50", value: (f) => f.engineSql.p50 / f.handSql.p50 },
  { label: 'engine req/s ÷ PostGraphile req/s', value: (f) => f.engine.requestsPerSecond / f.postgraphile.requestsPerSecond },
  { label: 'engine p50 ÷ PostGraphile p50', value: (f) => f.engine.p50 / f.postgraphile.p50 },
];

/** The ratios, one column per scenario. */
export function formatRatios(reports: ScenarioReport[]): string {
  const all = reports.map((report) => Object.fromEntries(TARGETS.map(({ key }) => [key, figures(report.results[key])])) as Record<TargetKey, Figures>);
  const width = 38;
  const header = `  ${'ratio'.padEnd(width)}${reports.map((_r, i) => `scenario ${i + 1}`.padStart(12)).join('')}`;
  const rows = SUMMARY_ROWS.map(({ label, value }) => `  ${label.padEnd(width)}${all.map((f) => ratio(value(f)).padStart(12)).join('')}`);
  const legend = 'Ratios (latency ratios above 1x: the engine takes longer; req/s ratio above 1x: the engine serves more)';
  return [legend, header, ...rows].join('\n');
}
