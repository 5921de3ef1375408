import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

// The script axe-core ships for browsers, read once: each audited page gets its own copy injected.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const satisfies readonly ImpactValue[];
export type Impact = (typeof IMPACTS)[number];

/** One rule a page breaks: where, and what axe says to do about it. */
export interface Violation {
  id: string;
  impact: Impact;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** What axe found on one page, and how many `h1` the page has (a page is one document with one title). */
export interface Audit {
  page: string;
  violations: Violation[];
  passes: number;
  h1: number;
}

/** Runs axe-core on the page as it is now: violations only (passes counted, not listed node by node). */
export async function audit(page: Page, name: string): Promise<Audit> {
  // A frame first, so a screen that has just changed is audited as drawn; and the animations that end (a new call
  // blinking on the display) ended, so colours are read as they stay, not half faded.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Evaluated rather than added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe.run(
      document,
      {
        resultTypes: ['violations'],
      },
    ),
  );
  return {
    page: name,
    violations: results.violations.map((v) => toViolation(v)),
    passes: results.passes.length,
    h1: await page.locator('h1').count(),
  };
}

function toViolation(v: AxeResults['violations'][number]): Violation {
  return {
    id: v.id,
    // axe gives every violation an impact; a missing one is counted with the least.
    impact: v.impact ?? 'minor',
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
  };
}

/** Violations that keep a citizen from reading or using the page: the ones a page must not have. */
export const blocking = (a: Audit): Violation[] =>
  a.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Each violation with its nodes, one line each: enough to find and fix it from the test's failure message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n');
      return `${v.impact} ${v.id}: ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/** A Markdown table of the audits: violations (rules broken) by impact and rules passed, per page. */
export function auditTable(audits: readonly Audit[]): string {
  const count = (a: Audit, impact: Impact) => a.violations.filter((v) => v.impact === impact).length;
  const rows = audits.map((a) => `| ${a.page} | ${IMPACTS.map((i) => count(a, i)).join(' | ')} | ${a.passes} |`);
  return [
    `| Page | ${IMPACTS.join(' | ')} | rules passed |`,
    `|---|${IMPACTS.map(() => '---:|').join('')}---:|`,
    ...rows,
  ].join('\n');
}
