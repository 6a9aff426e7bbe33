import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Instance } from '../core/graph/types.js';
import { suggest, type Wording } from '../core/wording.js';
import { jsonDigest } from './init-record.js';

/** Beside a saved plan: the digest of the variables it was planned with. */
const INPUTS_DIGEST_FILE = 'inputs.sha256';

/** Beside a saved plan: the upstreams whose mock outputs it was made with, when there were any. */
const MOCKED_UPSTREAMS_FILE = 'mocked-upstreams.json';

/** Beside a saved plan: the digest of its layer's code (and local modules') when it was planned. */
const CODE_DIGEST_FILE = 'code.sha256';

/** A check of a fresh plan that replaces a saved one (see `InstancePipelineOptions.freshPlanCheck`). */
export type FreshPlanCheck = (
  instance: Instance,
  fresh: { address: string; action: string }[],
  /** Why the saved plan could not be applied as saved. */
  why: string,
) => { accepted: true; note: string } | { accepted: false; reason: string };

/** Why a saved plan cannot be applied as saved: `reason` for a fresh plan's check, `refusal` to fail with. */
export interface NotAsSaved {
  reason: string;
  refusal: string;
}

/**
 * Keeps beside a plan what `apply --plan-dir` checks it by: the digest of its variables and of its layer's
 * code, and the upstreams it was planned with mock outputs of (so that such a plan's refusal can say so).
 */
export async function recordPlanInputs(
  directory: string,
  planned: { variables: Record<string, unknown>; codeDigest: string; mocked: readonly string[] },
): Promise<void> {
  await writeFile(path.join(directory, INPUTS_DIGEST_FILE), jsonDigest(planned.variables));
  await writeFile(path.join(directory, CODE_DIGEST_FILE), planned.codeDigest);
  const mockedFile = path.join(directory, MOCKED_UPSTREAMS_FILE);
  if (planned.mocked.length > 0) {
    await writeFile(mockedFile, `${JSON.stringify(planned.mocked)}\n`);
  } else await rm(mockedFile, { force: true });
}

/**
 * Why the plan saved in `saved` for an instance cannot be applied as it is; undefined when it can. There is
 * none, it was made with mock outputs, its layer's code changed, or the variables it would be planned with
 * today (`currentVariables`, read last: it reads the upstreams' outputs) differ from those it was planned with.
 */
export async function whyNotAsSaved(check: {
  planDirectory: string;
  saved: string;
  instance: Instance;
  /** The digest of the layer's code today. */
  codeDigest: () => string;
  currentVariables: () => Promise<Record<string, unknown>>;
  wording: Wording;
}): Promise<NotAsSaved | undefined> {
  const { planDirectory, saved, instance } = check;
  const replan = check.wording.command(suggest('plan'));
  let plannedInputs: string;
  try {
    plannedInputs = await readFile(path.join(saved, INPUTS_DIGEST_FILE), 'utf8');
  } catch {
    const reason = `no saved plan for ${instance.id} in ${planDirectory}`;
    return { reason, refusal: `${reason}; run '${replan}' first` };
  }
  const mocked = await readFile(path.join(saved, MOCKED_UPSTREAMS_FILE), 'utf8').then(
    (text) => JSON.parse(text) as string[],
    () => [],
  );
  if (mocked.length > 0) {
    const reason = `the saved plan for ${instance.id} was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet`;
    return {
      reason,
      refusal: `refusing to apply the saved plan for ${instance.id}: it was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet; plan it again now that they are, review that plan, and apply it`,
    };
  }
  // A saved plan holds the code it was made from, and applying it would apply that code, not today's.
  const plannedCode = await readFile(path.join(saved, CODE_DIGEST_FILE), 'utf8').catch(() => null);
  if (plannedCode !== check.codeDigest()) {
    const reason = `the saved plan for ${instance.id} is stale: the code of its layer ${instance.layer} (or of a local module it uses) changed since it was planned`;
    return { reason, refusal: `${reason}; run '${replan}' again and review it` };
  }
  const variables = await check.currentVariables();
  if (jsonDigest(variables) !== plannedInputs) {
    const reason = `the saved plan for ${instance.id} is stale: the outputs of its upstream instances changed since it was planned`;
    return { reason, refusal: `${reason}; run '${replan}' again and review it` };
  }
  return undefined;
}
