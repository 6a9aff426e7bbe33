// Which CLI the stand-in imitates. Terraform 1.13.5 by default (the fixtures in test/fixtures/terraform are
// its captures, and the executable is called `terraform`); STANDIN_PRODUCT=opentofu imitates OpenTofu 1.12.6
// instead, as checked against a real build by differential.test.ts. Everything that differs between the two
// for the commands and configurations the stand-in supports is here: the machine-readable shapes
// (`version -json`, plan JSON, state) and the product's name in its texts. Texts were copied from each
// binary's output; a text the stand-in prints that has not been compared with OpenTofu keeps Terraform's
// words in both (see README.md, "Terraform and OpenTofu").

const RULE = '─'.repeat(77);

const TERRAFORM = {
  id: 'terraform',
  name: 'Terraform',
  command: 'terraform',
  defaultVersion: '1.13.5',
  /** `version -json` has `terraform_outdated` (OpenTofu never checks for a newer release). */
  reportsOutdated: true,
  /** The plan JSON has `applyable` and `complete` (Terraform 1.10 and later; not OpenTofu). */
  planHasApplyable: true,
  /** The plan JSON's `configuration` gives a declared variable's `type` (OpenTofu only). */
  configHasVariableTypes: false,
  /** State instances carry `identity_schema_version` (Terraform 1.12 and later; not OpenTofu). */
  stateHasIdentitySchema: true,
  /** What follows the state file's JSON: OpenTofu 1.12 ends it with an empty line. */
  stateFileEnd: '\n',
  /** A state written by a newer release is refused (OpenTofu 1.12 reads it). */
  refusesNewerState: true,
  /** The human plan marks `triggers_replace` with `# forces replacement` (OpenTofu 1.12 does not). */
  marksForcedReplacement: true,
  /**
   * init prints its diagnostics through the older UI, which ends each with one more empty line (OpenTofu
   * 1.12; Terraform 1.13's init prints them through its views).
   */
  blankLineAfterUiDiagnostics: false,
  texts: {
    backendConfigured: (type) =>
      `\nSuccessfully configured the backend "${type}"! Terraform will automatically\nuse this backend unless the backend configuration changes.\n`,
    initialized: '\nTerraform has been successfully initialized!\n',
    initNextSteps:
      '\nYou may now begin working with Terraform. Try running "terraform plan" to see\nany changes that are required for your infrastructure. All Terraform commands\nshould now work.\n\nIf you ever set or change modules or backend configuration for Terraform,\nrerun this command to reinitialize your working directory. If you forget, other\ncommands will detect it and remind you to do so if necessary.\n',
    planIntro:
      '\nTerraform used the selected providers to generate the following execution\nplan. Resource actions are indicated with the following symbols:\n',
    undeclaredResource: (mode, type, name) =>
      `A ${mode} resource "${type}" "${name}" has not been declared in the root module.`,
    legendUpdate: '  ~ update in-place\n',
    planActions: '\nTerraform will perform the following actions:\n',
    noChanges:
      '\nNo changes. Your infrastructure matches the configuration.\n\nTerraform has compared your real infrastructure against your configuration\nand found no differences, so no changes are needed.\n',
    noChangesDestroy:
      '\nNo changes. No objects need to be destroyed.\n\nEither you have not created any objects yet or the existing objects were\nalready deleted outside of Terraform.\n',
    outputsOnly:
      '\nYou can apply this plan to save these new output values to the Terraform\nstate, without changing any real infrastructure.\n',
    savedPlan: (file) =>
      `\n${RULE}\n\nSaved the plan to: ${file}\n\nTo perform exactly these actions, run the following command to apply:\n    terraform apply ${JSON.stringify(file)}\n`,
    noOut: `\n${RULE}\n\nNote: You didn't use the -out option to save this plan, so Terraform can't\nguarantee to take exactly these actions if you run "terraform apply" now.\n`,
    lockHint:
      'Terraform acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\nagain. For most commands, you can disable locking with the "-lock=false"\nflag, but this is not recommended.',
    interrupt:
      'Interrupt received.\nPlease wait for Terraform to exit or data loss may occur.\nGracefully shutting down...\n\n',
    backendReason: `The "backend" is the interface that Terraform uses to store state,
perform operations, etc. If this message is showing up, it means that the
Terraform configuration you're using is using a custom configuration for
the Terraform backend.

Changes to backend configurations require reinitialization. This allows
Terraform to set up the new configuration, copy existing state, etc. Please run
"terraform init" with either the "-reconfigure" or "-migrate-state" flags to
use the current configuration.

If the change reason above is incorrect, please verify your configuration
hasn't changed and try again. At this point, no changes to your existing
configuration or state have been made.`,
  },
};

const OPENTOFU = {
  ...TERRAFORM,
  id: 'opentofu',
  name: 'OpenTofu',
  command: 'tofu',
  defaultVersion: '1.12.6',
  reportsOutdated: false,
  planHasApplyable: false,
  configHasVariableTypes: true,
  stateHasIdentitySchema: false,
  stateFileEnd: '\n\n',
  refusesNewerState: false,
  marksForcedReplacement: false,
  blankLineAfterUiDiagnostics: true,
  texts: {
    backendConfigured: (type) =>
      `\nSuccessfully configured the backend "${type}"! OpenTofu will automatically\nuse this backend unless the backend configuration changes.\n`,
    initialized: '\nOpenTofu has been successfully initialized!\n',
    initNextSteps:
      '\nYou may now begin working with OpenTofu. Try running "tofu plan" to see\nany changes that are required for your infrastructure. All OpenTofu commands\nshould now work.\n\nIf you ever set or change modules or backend configuration for OpenTofu,\nrerun this command to reinitialize your working directory. If you forget, other\ncommands will detect it and remind you to do so if necessary.\n',
    planIntro:
      '\nOpenTofu used the selected providers to generate the following execution\nplan. Resource actions are indicated with the following symbols:\n',
    undeclaredResource: (mode, type, name) =>
      `There is no ${mode} resource "${type}" "${name}" definition in the root module.`,
    legendUpdate: '  ~ update in-place (current -> planned)\n',
    planActions: '\nOpenTofu will perform the following actions:\n',
    noChanges:
      '\nNo changes. Your infrastructure matches the configuration.\n\nOpenTofu has compared your real infrastructure against your configuration and\nfound no differences, so no changes are needed.\n',
    noChangesDestroy:
      '\nNo changes. No objects need to be destroyed.\n\nEither you have not created any objects yet or the existing objects were\nalready deleted outside of OpenTofu.\n',
    outputsOnly:
      '\nYou can apply this plan to save these new output values to the OpenTofu\nstate, without changing any real infrastructure.\n',
    savedPlan: (file) =>
      `\n${RULE}\n\nSaved the plan to: ${file}\n\nTo perform exactly these actions, run the following command to apply:\n    tofu apply ${JSON.stringify(file)}\n`,
    noOut: `\n${RULE}\n\nNote: You didn't use the -out option to save this plan, so OpenTofu can't\nguarantee to take exactly these actions if you run "tofu apply" now.\n`,
    lockHint:
      'OpenTofu acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\nagain. For most commands, you can disable locking with the "-lock=false"\nflag, but this is not recommended.',
    interrupt:
      'Interrupt received.\nPlease wait for OpenTofu to exit or data loss may occur.\nGracefully shutting down...\n\n',
    backendReason: `The "backend" is the interface that OpenTofu uses to store state,
perform operations, etc. If this message is showing up, it means that the
OpenTofu configuration you're using is using a custom configuration for
the OpenTofu backend.

Changes to backend configurations require reinitialization. This allows
OpenTofu to set up the new configuration, copy existing state, etc. Please
run
"tofu init" with either the "-reconfigure" or "-migrate-state" flags to
use the current configuration.

If the change reason above is incorrect, please verify your configuration
hasn't changed and try again. At this point, no changes to your existing
configuration or state have been made.`,
  },
};

export const PRODUCTS = { terraform: TERRAFORM, opentofu: OPENTOFU };

/** The product STANDIN_PRODUCT names (`terraform` when unset); an unknown name is an error, not a guess. */
export function productFromEnv(env) {
  const wanted = env.STANDIN_PRODUCT || 'terraform';
  const product = PRODUCTS[wanted];
  if (!product) {
    throw new Error(
      `STANDIN_PRODUCT must be one of ${Object.keys(PRODUCTS).join(', ')}, got ${JSON.stringify(wanted)}`,
    );
  }
  return product;
}
