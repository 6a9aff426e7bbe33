import { describe, expect, it } from '@jest/globals';
import {
  declaredAddresses,
  declaredVariables,
  moduleSources,
  type SourceFile,
} from '../../src/terraform/variables.js';

const tf = (text: string, name = 'main.tf'): SourceFile[] => [{ name, text }];
const names = (files: SourceFile[]) => [...declaredVariables(files).keys()];

describe('declaredVariables', () => {
  it.each([
    {
      case: 'empty blocks',
      text: 'variable "region" {}\nvariable "account_id" {\n}\n',
      want: ['region', 'account_id'],
    },
    { case: 'an identifier label', text: 'variable environment {}', want: ['environment'] },
    {
      case: 'full blocks with nested blocks',
      text: [
        'variable "cidr" {',
        '  type        = string',
        '  description = "The VPC CIDR, e.g. {10.0.0.0/16}"',
        '  validation {',
        '    condition     = can(cidrhost(var.cidr, 0))',
        '    error_message = "Must be a CIDR: } not { balanced."',
        '  }',
        '}',
        'variable "tags" {',
        '  type    = map(string)',
        '  default = { Owner = "platform" }',
        '}',
      ].join('\n'),
      want: ['cidr', 'tags'],
    },
    { case: 'a # comment', text: '# variable "a" {}\nvariable "real" {}', want: ['real'] },
    { case: 'a // comment', text: '// variable "b" {}\nvariable "real" {}', want: ['real'] },
    {
      case: 'a /* */ comment over lines',
      text: '/*\nvariable "c" {}\n*/\nvariable "real" {}',
      want: ['real'],
    },
    { case: 'a comment with a quote', text: '# it\'s "odd\nvariable "real" {}', want: ['real'] },
    {
      case: 'strings with braces and escaped quotes',
      text: 'locals {\n  a = "}"\n  b = "\\"}\\""\n  variable = "not a block"\n}\nvariable "real" {}',
      want: ['real'],
    },
    {
      case: 'an interpolation holding strings and braces',
      text: 'locals {\n  a = "${jsonencode({ k = "}" })}}"\n  b = "%{ if true }}%{ endif }"\n}\nvariable "real" {}',
      want: ['real'],
    },
    {
      case: 'escaped $${ and %%{',
      text: 'locals {\n  a = "$${x} %%{y}"\n}\nvariable "real" {}',
      want: ['real'],
    },
    {
      case: 'a heredoc holding a closing brace and a variable block',
      text: 'resource "local_file" "f" {\n  content = <<EOT\n}\nvariable "fake" {}\nEOT\n}\nvariable "real" {}',
      want: ['real'],
    },
    {
      case: 'an indented heredoc',
      text: 'locals {\n  a = <<-EOT\n    }\n    variable "fake" {}\n    EOT\n}\nvariable "real" {}',
      want: ['real'],
    },
    { case: 'a block inside another block', text: 'module "m" {\n  variable "inner" {}\n}', want: [] },
    { case: 'a word variable used as an attribute', text: 'locals {\n  variable = 1\n}', want: [] },
  ])('$case', ({ text, want }) => {
    expect(names(tf(text))).toEqual(want);
  });

  it('reads sensitive = true at the top of the block only', () => {
    const variables = declaredVariables(
      tf(
        [
          'variable "password" {',
          '  type      = string',
          '  sensitive = true',
          '}',
          'variable "single_line" { sensitive = true }',
          'variable "plain" {',
          '  sensitive = false',
          '}',
          'variable "nested" {',
          '  default = {',
          '    sensitive = true',
          '  }',
          '}',
          'variable "quoted" {',
          '  sensitive = "true"',
          '}',
          'variable "comment" {',
          '  # sensitive = true',
          '}',
        ].join('\n'),
      ),
    );
    expect(Object.fromEntries(variables)).toEqual({
      password: { sensitive: true },
      single_line: { sensitive: true },
      plain: { sensitive: false },
      nested: { sensitive: false },
      quoted: { sensitive: true },
      comment: { sensitive: false },
    });
  });

  it('merges the files of a layer, .tf.json included', () => {
    const files: SourceFile[] = [
      { name: 'variables.tf', text: 'variable "a" {}' },
      { name: 'secrets.tf.json', text: '{"variable": {"token": {"sensitive": true}, "b": {}}}' },
      { name: 'list.tf.json', text: '{"variable": [{"c": {"type": "string"}}]}' },
      { name: 'broken.tf.json', text: '{"variable": ' },
    ];
    expect(Object.fromEntries(declaredVariables(files))).toEqual({
      a: { sensitive: false },
      token: { sensitive: true },
      b: { sensitive: false },
      c: { sensitive: false },
    });
  });

  it('survives CRLF line endings and an unterminated string', () => {
    expect(names(tf('variable "a" {\r\n  sensitive = true\r\n}\r\nvariable "b" {}\r\n'))).toEqual(['a', 'b']);
    expect(names(tf('locals {\n  a = "oops\n}\nvariable "after" {}'))).toEqual(['after']);
  });
});

describe('moduleSources', () => {
  it('keeps the local sources of top-level module blocks, each once', () => {
    const text = [
      'module "vpc" {',
      '  source = "../../modules/vpc"',
      '}',
      'module "local" { source = "./modules/x" }',
      'module "registry" {',
      '  source  = "terraform-aws-modules/vpc/aws"',
      '  version = "5.0.0"',
      '}',
      'module "git" {',
      '  source = "git::https://example.com/modules.git//vpc?ref=v1"',
      '}',
      'module "again" {',
      '  source = "../../modules/vpc"',
      '}',
      '# module "commented" { source = "../commented" }',
      'locals {',
      '  m = { source = "../not-a-module" }',
      '}',
      'module "templated" {',
      '  source = "../${var.x}"',
      '}',
      'module "nested_source" {',
      '  settings = {',
      '    source = "../nested"',
      '  }',
      '  source = "../../modules/dns"',
      '}',
    ].join('\n');
    const json = { name: 'extra.tf.json', text: '{"module": {"j": {"source": "../json-module"}}}' };
    expect(moduleSources([...tf(text), json])).toEqual([
      '../../modules/vpc',
      './modules/x',
      '../../modules/dns',
      '../json-module',
    ]);
  });
});

describe('declaredAddresses', () => {
  it('lists top-level managed resources and module calls, not data sources, nested blocks or strings', () => {
    const text = [
      'resource "aws_s3_bucket" "logs" {',
      '  lifecycle { ignore_changes = [tags] }',
      '  resource "not" "nested" {}',
      '}',
      'data "aws_caller_identity" "me" {}',
      'module "web" {',
      '  source = "./web"',
      '}',
      'locals { text = "resource \\"fake\\" \\"one\\" {}" }',
    ].join('\n');
    expect([...declaredAddresses(tf(text))]).toEqual(['aws_s3_bucket.logs', 'module.web']);
  });
});
