/**
 * Variables the runner sets for the action itself and never for Terraform: the action's inputs (`INPUT_*`,
 * `github-token` among them) and the runtime's own tokens and endpoints (`ACTIONS_*`: the cache and
 * artifact token, the OIDC token request URL and bearer token). Pull-request code runs inside Terraform
 * (an `external` data source, a provisioner), so none of them may reach it. A provider that needs the OIDC
 * request token takes it under its own name (for example `ARM_OIDC_REQUEST_TOKEN`), set on the step.
 */
const RUNNER_ONLY = /^(INPUT_|ACTIONS_)/i;

/** The environment every Terraform process runs with: the caller's, less what is the runner's alone. */
export function terraformEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !RUNNER_ONLY.test(name)) kept[name] = value;
  }
  return kept;
}
