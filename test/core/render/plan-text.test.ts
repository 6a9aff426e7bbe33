import { describe, expect, it } from '@jest/globals';
import { planForReport, WRAP_AT } from '../../../src/core/render/plan-text.js';

const plan = [
  'aws_vpc.main: Refreshing state... [id=vpc-0abc]',
  'data.aws_caller_identity.me: Reading...',
  'data.aws_caller_identity.me: Read complete after 0s [id=123456789012]',
  '',
  'Terraform will perform the following actions:',
  '',
  '  # aws_subnet.a must be replaced',
  '-/+ resource "aws_subnet" "a" {',
  '      ~ cidr_block = "10.0.1.0/24" -> "10.0.2.0/24" # forces replacement',
  '    }',
  '  + resource "aws_route" "r" {',
  '      - tags = {} -> null',
  '  +/- resource "aws_eip" "e" {',
  'Plan: 2 to add, 0 to change, 1 to destroy.',
].join('\n');

describe('planForReport', () => {
  it("drops the progress lines and moves a changed plan's markers to the start of the line for GitHub's diff colours", () => {
    expect(planForReport(plan, { isFailed: false, hasChanges: true })).toEqual({
      language: 'diff',
      text: [
        '',
        'Terraform will perform the following actions:',
        '',
        '  # aws_subnet.a must be replaced',
        '-/+ resource "aws_subnet" "a" {',
        '!       cidr_block = "10.0.1.0/24" -> "10.0.2.0/24" # forces replacement',
        '    }',
        '+   resource "aws_route" "r" {',
        '-       tags = {} -> null',
        '+/-   resource "aws_eip" "e" {',
        'Plan: 2 to add, 0 to change, 1 to destroy.',
      ].join('\n'),
    });
  });

  it("leaves a created heredoc's text alone, where a leading '- ' is content, and moves an updated heredoc's markers", () => {
    const heredocs = [
      '  + resource "local_file" "new" {',
      '      + content = <<-EOT',
      '            - a bullet in the file',
      '        EOT',
      '    }',
      '  ~ resource "local_file" "old" {',
      '      ~ content = <<-EOT',
      '          - removed line',
      '          + added line',
      '        EOT',
      '    }',
    ].join('\n');
    expect(planForReport(heredocs, { isFailed: false, hasChanges: true }).text.split('\n')).toEqual([
      '+   resource "local_file" "new" {',
      '+       content = <<-EOT',
      '            - a bullet in the file',
      '        EOT',
      '    }',
      '!   resource "local_file" "old" {',
      '!       content = <<-EOT',
      '-           removed line',
      '+           added line',
      '        EOT',
      '    }',
    ]);
  });

  it('leaves a plan without changes as text, progress lines dropped', () => {
    expect(
      planForReport('x: Refreshing state... [id=1]\n\nNo changes.', { isFailed: false, hasChanges: false }),
    ).toEqual({
      language: 'text',
      text: '\nNo changes.',
    });
  });

  it("wraps a failed plan's long lines at spaces, each piece keeping the line's box edge", () => {
    const long = `│ Error: creating EC2 VPC: operation error EC2: CreateVpc, https response error StatusCode: 403, RequestID: 1234, api error UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/plan/strata is not authorized`;
    const { language, text } = planForReport(`╷\n${long}\n╵`, { isFailed: true, hasChanges: false });
    expect(language).toBe('text');
    const lines = text.split('\n');
    expect(lines[0]).toBe('╷');
    expect(lines.at(-1)).toBe('╵');
    const pieces = lines.slice(1, -1);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(WRAP_AT);
      expect(piece.startsWith('│ ')).toBe(true);
    }
    // Nothing lost: the words, in order, are the line's.
    const words = (line: string) => line.replace(/│/g, ' ').split(/\s+/).filter(Boolean);
    expect(pieces.flatMap(words)).toEqual(words(long));
  });
});
