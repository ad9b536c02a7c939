/**
 * Runs the slowest test files first (in the order of vitest.config.ts's SLOW list), then the
 * others, so that the long waits (a 25 s Redis outage, processes starting) overlap the rest of the
 * run instead of ending it.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { SLOW } = await import("../../vitest.config.ts");
    const rank = (f: TestSpecification) => {
      const i = SLOW.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW.length : i;
    };
    const sorted = await super.sort(files);
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
