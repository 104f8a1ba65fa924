import { CronExpressionParser } from 'cron-parser';

/** Five numeric fields (`*`, lists, ranges, steps), as Hasura's cron parser reads them. */
const FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly']);

/** A cron schedule, evaluated in UTC as Hasura does. */
export class CronSchedule {
  private constructor(readonly text: string) {}

  /** Throws on anything but a 5-field cron expression or one of the `@daily`-style macros. */
  static parse(text: string): CronSchedule {
    const trimmed = text.trim();
    const fields = trimmed.split(/\s+/);
    const shapeOk = MACROS.has(trimmed) || (fields.length === 5 && fields.every((field) => FIELD.test(field)));
    if (!shapeOk) throw new Error(`invalid cron schedule ${JSON.stringify(text)}: expected 5 fields (minute hour day month weekday)`);
    try {
      CronExpressionParser.parse(trimmed, { tz: 'UTC', strict: false });
    } catch (error) {
      throw new Error(`invalid cron schedule ${JSON.stringify(text)}: ${(error as Error).message}`);
    }
    return new CronSchedule(trimmed);
  }

  /** The next `count` scheduled times strictly after `from`. */
  timesAfter(from: Date, count: number): Date[] {
    const expression = CronExpressionParser.parse(this.text, { tz: 'UTC', currentDate: from });
    return expression.take(count).map((date) => date.toDate());
  }

  includes(instant: Date): boolean {
    return CronExpressionParser.parse(this.text, { tz: 'UTC' }).includesDate(instant);
  }
}
