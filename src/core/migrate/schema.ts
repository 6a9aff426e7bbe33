/**
 * The JSON Schema of the migration file (`migrate.yml`, beside the manifest), version 1. Paths in it are
 * relative to its own directory.
 * `schema/migrate.schema.json` is written from this object (`npm run schema`) and a test keeps the two equal.
 */
import { NAME_PATTERN } from '../manifest/schema.js';

const name = { type: 'string', pattern: NAME_PATTERN };
const step = '(module\\.[A-Za-z_][A-Za-z0-9_-]*(\\[[^\\]]+\\])?\\.)*';
/** A resource address (`module.a.aws_x.y`, no instance key) or a module call (`module.a`). */
export const ADDRESS_PATTERN = `^${step}(([A-Za-z_][A-Za-z0-9_-]*\\.[A-Za-z_][A-Za-z0-9_-]*)|(module\\.[A-Za-z_][A-Za-z0-9_-]*))$`;
export const ADDRESS_RULE =
  'a resource address such as "aws_iam_role.ci" or "module.web.aws_s3_bucket.logs", or a module such as "module.web"';
const address = { type: 'string', pattern: ADDRESS_PATTERN };

export const migrationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Strata migration file',
  description:
    'The existing Terraform roots of an estate and how their resources map onto the instances of the manifest.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'roots'],
  properties: {
    version: { const: 1, description: 'Migration file format version.' },
    roots: {
      type: 'object',
      minProperties: 1,
      propertyNames: name,
      description: 'The existing roots, by a name of your choosing.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'account'],
        properties: {
          path: {
            type: 'string',
            minLength: 1,
            description: "Directory of the root's code (with its backend block), relative to this file.",
          },
          backend: {
            type: 'object',
            additionalProperties: { type: ['string', 'number', 'boolean'] },
            description: "Backend configuration for the root's init (-backend-config key=value).",
          },
          account: { ...name, description: 'The account (as named in the manifest) the root stands for.' },
          region: { ...name, description: 'The region it stands for; required when it feeds region layers.' },
          environment: {
            ...name,
            description: 'The environment it stands for; required when it feeds environment layers.',
          },
        },
      },
    },
    rules: {
      type: 'array',
      description:
        'Explicit mappings, before the default (a resource goes to the layer whose code declares its address). A resource may match one rule at most.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from'],
        properties: {
          root: { ...name, description: 'Only resources of this root. Default: every root.' },
          from: { ...address, description: 'A resource address, or a module: everything in it.' },
          to: {
            ...address,
            description: 'Its address in the new layer (a module for a module). Default: the same as from.',
          },
          layer: { ...name, description: 'The layer whose instance receives it.' },
          stay: { const: true, description: 'The resource stays in its root.' },
        },
      },
    },
  },
} as const;
