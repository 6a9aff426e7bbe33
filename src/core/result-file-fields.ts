import { UsageError } from './errors.js';
import type { ChangeCounts } from './change-counts.js';
import type { TerraformStep } from './run-result.js';

const STEPS: readonly TerraformStep[] = ['init', 'read-upstream', 'plan', 'show', 'apply', 'output'];

export type Fields = Record<string, unknown>;

/** Reads one field of a parsed result file or journal line, or says which field of which file is wrong. */
export class FieldReader {
  constructor(
    private readonly fields: Fields,
    private readonly where: string,
  ) {}

  private fail(name: string, expected: string): never {
    throw new UsageError(
      `${this.where}: '${name}' must be ${expected}, got ${name in this.fields ? JSON.stringify(this.fields[name]) : 'nothing'}; it is not a result file this Strata can read`,
    );
  }

  /** The field when `isType` accepts it; else the failure, saying it must be `expected`. */
  private typed<T>(name: string, isType: (value: unknown) => value is T, expected: string): T {
    const value = this.fields[name];
    return isType(value) ? value : this.fail(name, expected);
  }

  /** As `typed`, with a missing field or null read as null. */
  private typedOrNull<T>(name: string, isType: (value: unknown) => value is T, expected: string): T | null {
    const value = this.fields[name] ?? null;
    return value === null || isType(value) ? value : this.fail(name, `${expected} or null`);
  }

  string(name: string): string {
    return this.typed(name, isString, 'a string');
  }

  stringOrNull(name: string): string | null {
    return this.typedOrNull(name, isString, 'a string');
  }

  number(name: string): number {
    return this.typed(name, isNumber, 'a number');
  }

  numberOrNull(name: string): number | null {
    return this.typedOrNull(name, isNumber, 'a number');
  }

  boolean(name: string): boolean {
    const value = this.fields[name] ?? false;
    return typeof value === 'boolean' ? value : this.fail(name, 'true or false');
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T {
    const value = this.fields[name];
    return values.includes(value as T) ? (value as T) : this.fail(name, `one of ${values.join(', ')}`);
  }

  stepOrNull(name: string): TerraformStep | null {
    return this.fields[name] == null ? null : this.oneOf(name, STEPS);
  }

  object(name: string): FieldReader {
    const value = this.fields[name];
    return isObject(value) ? new FieldReader(value, `${this.where}, ${name}`) : this.fail(name, 'an object');
  }

  changes(name: string): ChangeCounts | null {
    if (this.fields[name] == null) return null;
    const counts = this.object(name);
    return {
      add: counts.number('add'),
      change: counts.number('change'),
      destroy: counts.number('destroy'),
      replace: counts.number('replace'),
    };
  }

  list<T>(name: string, item: (value: unknown) => T | undefined): T[] {
    const value = this.fields[name] ?? [];
    if (!Array.isArray(value)) return this.fail(name, 'a list');
    return value.map((entry) => item(entry) ?? this.fail(name, 'a list of the right entries'));
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';

export function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
