/**
 * The JSON Schema of `layers.yml`, version 1. `schema/layers.schema.json` is written from this object
 * (`npm run schema`) and a test keeps the two equal, so editors and Strata check the same rules.
 */

/** Names end up in state paths, ids, CLI arguments and job names: keep them to characters safe everywhere. */
export const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$';
export const NAME_RULE =
  'letters, digits, "-" and "_", starting with a letter or digit, at most 63 characters';
/** Words with a meaning in dependency selectors, so they cannot name a region, account or environment. */
export const RESERVED_NAMES = ['same', 'all', 'primary'] as const;

const name = { type: 'string', pattern: NAME_PATTERN };
const declaredName = { ...name, not: { enum: [...RESERVED_NAMES] } };
const nameList = { type: 'array', items: name, uniqueItems: true };
export const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$';
export const DURATION_RULE = 'a duration such as "30s", "5m" or "1h30m"';
const duration = { type: 'string', pattern: DURATION_PATTERN };
const scalar = { type: ['string', 'number', 'boolean'] };
/** A non-empty map from declared names (regions, accounts) to objects of `entry`'s shape, nothing else. */
const declaredMapOf = (entry: { required: string[]; properties: Record<string, unknown> }) => ({
  type: 'object',
  minProperties: 1,
  propertyNames: declaredName,
  additionalProperties: { type: 'object', additionalProperties: false, ...entry },
});

export const HOOK_POINTS = ['before_failover', 'after_layer', 'after_failover', 'after_failback'] as const;

export const DR_STRATEGIES = ['backup_restore', 'pilot_light', 'warm_standby'] as const;
const strategy = {
  enum: [...DR_STRATEGIES],
  description:
    'backup_restore: secondary regions hold only the layers marked standby; pilot_light and warm_standby: environment layers also run there, with role "standby".',
};

/** A GitHub Environment's name, as GitHub accepts it (at most 255 characters). */
const githubEnvironment = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$' };

const environment = {
  type: 'object',
  additionalProperties: false,
  properties: {
    regions: {
      ...nameList,
      minItems: 1,
      description:
        'Regions this environment may run in, its DR target included; default: all regions of its account.',
    },
    strategy,
    github_environment: {
      ...githubEnvironment,
      description:
        "GitHub Environment the environment's instances are applied in (its reviewers approve them); default: <account>-<environment>.",
    },
    primary_region: {
      ...name,
      description:
        "The environment's primary region, one of its regions; default: its account's primary_region, else the region with role primary. A failover or failback of this environment alone (--environment, --write-manifest) writes it.",
    },
  },
};

const dependency = {
  type: ['string', 'object'],
  pattern: NAME_PATTERN,
  description:
    'A layer name (its instance in the same cell), or a selector: {layer, account, region, environment, as}.',
  additionalProperties: false,
  required: ['layer'],
  properties: {
    layer: name,
    account: { ...name, description: '"same" (default), "all", or an account name.' },
    region: { ...name, description: '"same" (default), "all", "primary", or a region name.' },
    environment: { ...name, description: '"same" (default), "all", or an environment name.' },
    as: {
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
      description: 'Name of the variable that receives these outputs; default: the layer name.',
    },
  },
};

export const manifestSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Strata layers manifest',
  description:
    'Layers, their scopes and dependencies, accounts, regions, environments and the region-keyed state backend.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'backend', 'regions', 'accounts', 'layers'],
  properties: {
    version: { const: 1, description: 'Manifest format version.' },
    terraform: {
      type: 'object',
      additionalProperties: false,
      properties: {
        binary: { type: 'string', minLength: 1, description: '"terraform" (default) or "tofu", or a path.' },
        lock_timeout: {
          ...duration,
          description: 'How long Terraform waits for a state lock. Default "5m".',
        },
        parallelism: {
          type: 'integer',
          minimum: 1,
          maximum: 256,
          description: 'Instances run at once. Default 4.',
        },
        command_timeout: {
          ...duration,
          description:
            'Longest one Terraform command may run before it is interrupted (then killed after a grace period). Default: no limit.',
        },
      },
    },
    dr: {
      type: 'object',
      additionalProperties: false,
      properties: {
        strategy: {
          ...strategy,
          description: 'Default DR strategy of every environment. Default backup_restore.',
        },
        rpo: {
          ...duration,
          description:
            "Recovery point objective: the most data (as time) a failover may lose. A drill fails when a layer's published strata_recovery_point output is older. Default: not checked.",
        },
      },
    },
    backend: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'config', 'global_region'],
      properties: {
        type: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'Any Terraform backend type.' },
        config: {
          type: 'object',
          additionalProperties: scalar,
          description:
            'Partial backend configuration, rendered per instance. Tokens: {id} {layer} {scope} {account} {account_id} {region} {environment} {role}.',
        },
        region_config: {
          type: 'object',
          propertyNames: name,
          additionalProperties: { type: 'object', additionalProperties: scalar },
          description:
            'Per region, keys that replace or add to config for the state stored in that region (an endpoint, a regional KMS key). Rendered with the same tokens.',
        },
        global_region: {
          ...name,
          description: 'Region that keeps the state of global- and account-scoped layers.',
        },
        replicas: {
          type: 'object',
          propertyNames: name,
          additionalProperties: name,
          description: 'State stored in the key region is replicated to the value region.',
        },
      },
    },
    regions: declaredMapOf({
      required: ['role'],
      properties: {
        role: { enum: ['primary', 'secondary'] },
        failed: {
          type: 'boolean',
          description:
            'The region failed and the estate was failed over from it (strata failover --write-manifest writes this; a failback removes it): normal runs leave out its instances, and what depends on them, and say so.',
        },
      },
    }),
    accounts: declaredMapOf({
      required: ['id', 'regions', 'environments'],
      properties: {
        id: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
          description: 'Cloud account id (quote it).',
        },
        regions: { ...nameList, minItems: 1 },
        environments: {
          type: ['array', 'object'],
          items: declaredName,
          uniqueItems: true,
          propertyNames: declaredName,
          additionalProperties: environment,
        },
        ephemeral: {
          type: 'boolean',
          description: 'This account may host per-pull-request environments (pr-123).',
        },
        role_to_assume: {
          type: 'string',
          minLength: 1,
          description: 'Role CI jobs assume for this account (OIDC), passed to the job matrix.',
        },
        github_environment: {
          ...githubEnvironment,
          description:
            "GitHub Environment the account's account and region layers are applied in; default: the account's name.",
        },
        primary_region: {
          ...name,
          description:
            "The account's primary region, one of its regions; default: the region with role primary. A failover or failback of this account alone (--account, --write-manifest) writes it.",
        },
      },
    }),
    layers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'scope', 'path'],
        properties: {
          name,
          scope: { enum: ['global', 'account', 'region', 'environment'] },
          path: {
            type: 'string',
            minLength: 1,
            description: 'Directory of the layer code, relative to the manifest.',
          },
          depends_on: { type: 'array', items: dependency },
          vars: {
            type: 'object',
            description: 'Variables for every instance; string values may use tokens.',
          },
          mock_outputs: {
            type: 'object',
            description:
              'Outputs assumed when planning a dependent before this layer was ever applied. Never used for apply.',
          },
          standby: {
            type: 'boolean',
            description:
              'Whether the layer runs in secondary regions in steady state under backup_restore. Default: true for region layers, false for environment layers.',
          },
          failover: {
            enum: ['apply', 'skip'],
            description:
              'What a failover does with the layer: apply it in the target region, or skip it (it keeps running; its outputs are still read). Default: apply for region and environment layers, skip for global and account layers.',
          },
          stateful: {
            type: 'boolean',
            description:
              'The layer holds data (a database, a bucket, a queue): a plan that destroys or replaces one of its resources is refused, in any run, unless the instance is named in --allow-destroy (input allow-destroy). Default false.',
          },
        },
      },
    },
    hooks: {
      type: 'array',
      description:
        'DR steps beyond Terraform (promote a replica, switch traffic, a smoke test), run by failover and failback and timed in the recovery.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'when', 'run', 'timeout'],
        properties: {
          name,
          when: {
            enum: [...HOOK_POINTS],
            description:
              'before_failover: before any instance; after_layer: after each instance of `layer` in the target region, before what depends on it; after_failover, after_failback: after every instance succeeded.',
          },
          layer: { ...name, description: 'With when: after_layer, the layer whose instances it follows.' },
          run: {
            type: 'string',
            minLength: 1,
            description:
              'The executable, relative to the manifest (inside the repository). Run directly, never through a shell.',
          },
          args: {
            type: 'array',
            items: { type: 'string' },
            description: 'Its arguments, each passed as it is. Default none.',
          },
          timeout: { ...duration, description: 'Longest it may run before it is stopped (and fails).' },
          drill_safe: {
            type: 'boolean',
            description:
              'Run it in a drill (failover --dry-run) too: only for steps that change nothing (a read-only check). Default false.',
          },
        },
      },
    },
  },
} as const;
