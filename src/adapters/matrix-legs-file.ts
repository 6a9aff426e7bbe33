import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { MatrixLegs } from '../core/matrix/matrix-output.js';

/** The legs file's name inside work-dir, where `graph` writes it and the stage jobs download it. */
export const MATRIX_LEGS_FILE = 'matrix-legs.json';

export function writeMatrixLegs(file: string, legs: MatrixLegs): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(legs)}\n`);
}

/** The instances of one leg of the legs file; a missing file or leg is the workflow's mistake, said as such. */
export function readMatrixLeg(file: string, leg: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      `Input 'leg' is '${leg}', but there is no legs file at ${file}: download the graph job's legs artifact (matrix-legs.json) into work-dir before this step.`,
    );
  }
  let legs: MatrixLegs['legs'] | undefined;
  try {
    legs = (JSON.parse(text) as Partial<MatrixLegs>).legs;
  } catch {
    legs = undefined;
  }
  if (legs === undefined || typeof legs !== 'object') {
    throw new UsageError(`${file} is not a legs file written by 'command: graph' (no "legs" object).`);
  }
  const found = Object.hasOwn(legs, leg) ? legs[leg] : undefined;
  if (found === undefined || !Array.isArray(found.instances)) {
    throw new UsageError(
      `Input 'leg' is '${leg}', but ${file} has no such leg (it has ${Object.keys(legs).length}, '1-1' to the last): pass the matrix's own value, \${{ matrix.leg }}, with the legs file of the same graph job.`,
    );
  }
  return found.instances;
}
