import { definedOrThrow } from '../core/lookup.js';

/**
 * The parts of a `terraform show -json` plan that a summary needs, read as a stream: a plan of a large
 * estate runs to tens of megabytes of JSON (every attribute before and after), but its summary needs only
 * each change's address and actions. Values are decoded only where wanted; everything else is scanned and
 * dropped, so memory stays proportional to the number of changes, not to the size of the plan.
 */

type PathSegment = string | number;

/** Which values are kept, by their path in the document. */
function isWanted(path: readonly PathSegment[]): boolean {
  const [top, , field, inner] = path;
  if (path.length === 1) {
    return ['format_version', 'terraform_version', 'errored', 'applyable', 'complete'].includes(
      top as string,
    );
  }
  if (top === 'resource_changes' || top === 'resource_drift') {
    if (path.length === 3) return ['address', 'mode', 'action_reason', 'deposed'].includes(field as string);
    if (path.length === 4 && field === 'change') return inner === 'actions' || inner === 'importing';
    return false;
  }
  if (top === 'output_changes' && path.length === 3) {
    return ['actions', 'before_sensitive', 'after_sensitive'].includes(field as string);
  }
  return false;
}

interface Frame {
  kind: 'object' | 'array';
  /** The key of the member being read (objects), or the index of the element (arrays). */
  key: PathSegment | null;
  expectingKey: boolean;
}

export class PlanSkeletonReader {
  readonly skeleton: Record<string, unknown> = {};
  private readonly stack: Frame[] = [];
  private state: 'value' | 'after-value' | 'string' | 'key-string' | 'literal' | 'after-key' = 'value';
  private escaping = false;
  private token = '';
  /** Raw JSON of the wanted value being captured, and the stack depth it started at. */
  private capture: string | null = null;
  private captureDepth = -1;
  private sawPlannedValues = false;
  private done = false;
  /** What came before the document: Terraform may print a warning first (a missing CLI config file). */
  private preamble = '';

  write(chunk: string): void {
    // UTF-16 code units, not code points: the JSON syntax this reads is ASCII, and the text is only copied.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- index < chunk.length
    for (let index = 0; index < chunk.length; index++) this.step(chunk[index]!);
  }

  /** The skeleton as a plan document for `parsePlanJson` (which recognises a plan by its planned_values). */
  end(): string {
    if (this.stack.length > 0) throw new Error('the plan JSON ended early');
    if (!this.done) {
      const before = this.preamble.trim().slice(0, 300);
      throw new Error(`the output held no plan JSON${before ? `, only: ${before}` : ''}`);
    }
    if (this.sawPlannedValues) this.skeleton.planned_values = {};
    return JSON.stringify(this.skeleton);
  }

  /** The innermost open object or array; the states that ask for it occur only inside one. */
  private top(): Frame {
    return definedOrThrow(this.stack.at(-1), 'open plan JSON value');
  }

  private path(): PathSegment[] {
    return this.stack.map((frame) => definedOrThrow(frame.key, 'plan JSON key'));
  }

  private step(char: string): void {
    if (this.done) return;
    if (this.stack.length === 0 && this.state === 'value' && char !== '{') {
      if (this.preamble.length < 4096) this.preamble += char;
      return;
    }
    if (this.capture !== null) this.capture += char;
    switch (this.state) {
      case 'string':
      case 'key-string':
        if (this.escaping) this.escaping = false;
        else if (char === '\\') this.escaping = true;
        else if (char === '"') {
          if (this.state === 'key-string') {
            this.top().key = JSON.parse(`${this.token}"`) as string;
            this.state = 'after-key';
            return;
          }
          this.endValue();
          return;
        }
        if (this.state === 'key-string') this.token += char;
        return;
      case 'literal':
        if (/[\s,\]}]/.test(char)) {
          if (this.capture !== null) this.capture = this.capture.slice(0, -1);
          this.endValue();
          this.step(char);
        }
        return;
      case 'after-key':
        if (char === ':') this.startMember();
        return;
      case 'after-value':
        if (/\s/.test(char)) return;
        if (char === ',') {
          const frame = this.top();
          if (frame.kind === 'array') {
            frame.key = (frame.key as number) + 1;
            this.startMember();
          } else frame.expectingKey = true;
          this.state = 'value';
          return;
        }
        if (char === '}' || char === ']') this.close();
        return;
      case 'value': {
        if (/\s/.test(char)) return;
        const frame = this.stack[this.stack.length - 1];
        if (frame?.expectingKey) {
          if (char === '"') {
            frame.expectingKey = false;
            this.token = '"';
            this.state = 'key-string';
          } else if (char === '}') this.close();
          return;
        }
        if (char === ']' && frame?.kind === 'array') {
          this.close();
          return;
        }
        if (char === '{' || char === '[') {
          this.stack.push({
            kind: char === '{' ? 'object' : 'array',
            key: char === '[' ? 0 : null,
            expectingKey: char === '{',
          });
          if (char === '[') this.startMember();
          this.state = 'value';
          return;
        }
        this.state = char === '"' ? 'string' : 'literal';
        return;
      }
    }
  }

  /** A member's value is about to start: begin capturing when its path is wanted. */
  private startMember(): void {
    this.state = 'value';
    if (this.capture !== null) return;
    const path = this.path();
    if (path.length === 1 && path[0] === 'planned_values') this.sawPlannedValues = true;
    if (isWanted(path)) {
      this.capture = '';
      this.captureDepth = this.stack.length;
    }
  }

  private endValue(): void {
    this.state = 'after-value';
    this.finishCapture();
    if (this.stack.length === 0) this.done = true;
  }

  private close(): void {
    this.stack.pop();
    this.endValue();
  }

  private finishCapture(): void {
    if (this.capture === null || this.stack.length !== this.captureDepth) return;
    const value: unknown = JSON.parse(this.capture.trim());
    const path = this.path();
    this.capture = null;
    const last = definedOrThrow(path.at(-1), 'captured value key');
    let node = this.skeleton as Record<string | number, unknown>;
    path.slice(0, -1).forEach((segment, index) => {
      node[segment] ??= typeof path[index + 1] === 'number' ? [] : {};
      node = node[segment] as Record<string | number, unknown>;
    });
    node[last] = value;
  }
}
