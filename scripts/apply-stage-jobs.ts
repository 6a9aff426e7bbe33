// The stage jobs of .github/workflows/apply.yml, from one template. GitHub cannot loop over jobs, so the workflow
// holds STAGE_COUNT copies of the job below; `npm run workflows` writes them between the two marker comments and
// test/project/apply-workflow.test.ts fails when the file differs. Pure: no I/O, so the test renders the same text.

/** How many stage jobs apply.yml has; the graph step's max-stages and the report job's needs must agree. */
export const STAGE_COUNT = 8;

export const BEGIN_MARKER =
  '  # BEGIN generated stage jobs (npm run workflows; template in scripts/apply-stage-jobs.ts)';
export const END_MARKER = '  # END generated stage jobs';

/**
 * Stage `n` (1-based): runs stages[n-1] of the graph job's matrix once stage n-1 succeeded. The text is YAML as
 * Prettier writes it, at the indentation of a job under `jobs:`; `\${{` is a GitHub expression, `${n}` the number.
 */
export function renderStageJob(n: number): string {
  const needs = n === 1 ? '[graph]' : `[graph, stage-${n - 1}]`;
  return `  stage-${n}:
    name: Stage ${n} (\${{ matrix.job }})
    needs: ${needs}
    if: fromJSON(needs.graph.outputs.matrix).stage_count >= ${n}
    runs-on: \${{ startsWith(inputs.runs-on, '[') && fromJSON(inputs.runs-on) || inputs.runs-on }}
    timeout-minutes: \${{ inputs.timeout-minutes }}
    # One GitHub Environment per leg: <account>-<environment>, <account>, global, or the manifest's github_environment.
    environment: \${{ matrix.github_environment }}
    permissions:
      contents: read
      id-token: write
    strategy:
      fail-fast: false
      matrix: \${{ fromJSON(needs.graph.outputs.matrix).stages[${n - 1}] }}
    env:
      ROLE_TO_ASSUME: \${{ matrix.role_to_assume || secrets.global-role-to-assume }}
    steps:
      - name: Check out the repository
        uses: actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3
        with:
          persist-credentials: false

      - name: Check out Strata
        uses: actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3
        with:
          repository: \${{ needs.graph.outputs.strata-repository }}
          ref: \${{ needs.graph.outputs.strata-sha }}
          path: .strata-action
          sparse-checkout: dist
          persist-credentials: false

      - name: Set up Terraform
        uses: hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e # v4.0.1
        with:
          terraform_version: \${{ inputs.terraform-version }}
          terraform_wrapper: false

      - name: Configure AWS credentials
        if: env.ROLE_TO_ASSUME != ''
        uses: aws-actions/configure-aws-credentials@acca2b1b2070338fb9fd1ca27ecee81d687e58e5 # v6.1.2
        with:
          role-to-assume: \${{ env.ROLE_TO_ASSUME }}
          role-session-name: strata-apply-\${{ github.run_id }}
          aws-region: \${{ matrix.region || inputs.aws-region }}

      - name: Download the legs file
        uses: actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1
        with:
          name: strata-legs-\${{ needs.graph.outputs.estate-key }}
          path: \${{ inputs.working-directory }}/.strata

      - name: Download the reviewed plan
        if: inputs.reviewed-plan
        uses: actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1
        with:
          name: strata-reviewed-plan-\${{ needs.graph.outputs.estate-key }}
          path: \${{ inputs.working-directory }}/.strata-reviewed

      - name: Apply
        id: strata
        uses: ./.strata-action
        with:
          command: apply
          manifest: \${{ inputs.manifest }}
          working-directory: \${{ inputs.working-directory }}
          leg: \${{ matrix.leg }}
          parallelism: \${{ inputs.parallelism }}
          ignore-failover-record: \${{ inputs.ignore-failover-record }}
          comment: 'false'
          work-dir: .strata
          # reviewed-plan: apply the reviewed plan's saved plans (see stale-plans for those that no longer match).
          plan-dir: \${{ inputs.reviewed-plan && '.strata-reviewed' || '' }}
          stale-plans: \${{ inputs.reviewed-plan && inputs.stale-plans || 'refuse' }}

      - name: Upload the result
        if: always()
        uses: actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a # v7.0.1
        with:
          name: strata-result-\${{ needs.graph.outputs.estate-key }}-stage-${n}-\${{ strategy.job-index }}
          path: \${{ inputs.working-directory }}/.strata/results/
          include-hidden-files: true
          if-no-files-found: warn
          retention-days: 7
          overwrite: true
`;
}

/** Every stage job, one blank line apart. */
export function renderStageJobs(count = STAGE_COUNT): string {
  return Array.from({ length: count }, (_, index) => renderStageJob(index + 1)).join('\n');
}

/** The workflow with the text between its marker lines replaced by the stage jobs. */
export function withStageJobs(workflow: string, count = STAGE_COUNT): string {
  const begin = workflow.indexOf(`${BEGIN_MARKER}\n`);
  const end = workflow.indexOf(`${END_MARKER}\n`, begin);
  if (begin < 0 || end < 0) {
    throw new Error(`apply.yml lacks the marker lines '${BEGIN_MARKER.trim()}' … '${END_MARKER.trim()}'`);
  }
  const head = workflow.slice(0, begin + BEGIN_MARKER.length + 1);
  return `${head}${renderStageJobs(count)}${workflow.slice(end)}`;
}
