/** The manifest shape of the example, as text, for tests that edit one part of it. */
export const EXAMPLE_MANIFEST = `version: 1
terraform:
  binary: terraform
  lock_timeout: 5m
  parallelism: 4
backend:
  type: s3
  config:
    bucket: acme-tfstate-{account}-{region}
    key: "{id}.tfstate"
    region: "{region}"
    use_lockfile: true
  global_region: eu-west-2
  replicas:
    eu-west-2: eu-west-1
regions:
  eu-west-2: { role: primary }
  eu-west-1: { role: secondary }
accounts:
  dev:
    id: "111111111111"
    regions: [eu-west-2, eu-west-1]
    environments: [dev]
    ephemeral: true
  prod:
    id: "222222222222"
    regions: [eu-west-2, eu-west-1]
    environments:
      staging: {}
      production: {}
      sandbox: { regions: [eu-west-2] }
layers:
  - name: dns
    scope: global
    path: terraform/global/dns
  - name: iam
    scope: account
    path: terraform/account/iam
  - name: network
    scope: region
    path: terraform/region/network
    depends_on: [iam]
  - name: app
    scope: environment
    path: terraform/environment/app
    depends_on: [network]
    vars: { instance_count: 2 }
`;

/** A minimal manifest with one account and two regions, followed by the given `layers:` block. */
export function manifestWithLayers(layers: string, extra = ''): string {
  return `version: 1
backend:
  type: local
  config: { path: "state/{region}/{id}.tfstate" }
  global_region: r1
regions:
  r1: { role: primary }
  r2: { role: secondary }
accounts:
  a:
    id: "1"
    regions: [r1, r2]
    environments: [e1, e2]
${extra}layers:
${layers}`;
}
