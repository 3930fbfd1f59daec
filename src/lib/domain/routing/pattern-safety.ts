import { ANY, CLASS_ESCAPES, codeSet, complement, intersects, NOTHING, rangeSet, union, withCase, type CharSet } from './pattern-char-sets';

// A rule's regex runs on every inbound message inside the request that stores it, and JavaScript's
// backtracking engine can take exponential time on patterns like (a+)+ — so patterns are vetted before they
// are saved and again before they run. The check is deliberately conservative: it rejects any repetition of
// something that can itself vary in length, and repeated alternatives that can start the same way.

export const MAX_PATTERN_LENGTH = 200;

export type PatternProblem = 'invalid-pattern' | 'pattern-too-long' | 'unsupported-pattern' | 'nested-quantifier' | 'overlapping-alternation';
export type PatternCheck = { ok: true } | { ok: false; code: PatternProblem; message: string };

/** What a piece of pattern can match: enough to spot ambiguity under repetition. */
interface Shape {
  /** Characters the piece can start with. */
  first: CharSet;
  nullable: boolean;
  /** Contains a quantifier whose count can vary (?, *, +, {n,m}), so a repetition of it can split input many ways. */
  varies: boolean;
  /** Contains alternatives that can start the same way, so a repetition of it can match one text many ways. */
  ambiguous: boolean;
  /** The exact text matched, when the piece is a plain literal. */
  literal: string | null;
}

class UnsafePattern {
  constructor(
    readonly code: PatternProblem,
    readonly message: string,
  ) {}
}

const CONTROL_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['f', '\f'],
  ['v', '\v'],
  ['0', '\0'],
]);

const charCode = (ch: string): number => Math.min(ch.charCodeAt(0), 128);
const literal = (text: string): Shape => ({ first: withCase(codeSet(charCode(text))), nullable: false, varies: false, ambiguous: false, literal: text });
const charSet = (set: CharSet): Shape => ({ first: withCase(set), nullable: false, varies: false, ambiguous: false, literal: null });
const EMPTY: Shape = { first: NOTHING, nullable: true, varies: false, ambiguous: false, literal: null };

/** A recursive-descent reader of the JavaScript regex syntax the engine accepted (no `u` flag). */
class PatternReader {
  private at = 0;

  constructor(private readonly src: string) {}

  read(): Shape {
    const shape = this.alternation();
    // A stray ')' would have failed to compile, so stopping early means the reader lost its place.
    if (this.at < this.src.length) throw new Error('pattern reader stopped early');
    return shape;
  }

  private peek(offset = 0): string {
    return this.src[this.at + offset] ?? '';
  }

  private alternation(): Shape {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0];
    return {
      first: alternatives.reduce((set, a) => union(set, a.first), NOTHING),
      nullable: alternatives.some((a) => a.nullable),
      varies: alternatives.some((a) => a.varies),
      ambiguous: alternatives.some((a) => a.ambiguous) || overlaps(alternatives),
      literal: null,
    };
  }

  private sequence(): Shape {
    const items: Shape[] = [];
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    if (items.length === 0) return EMPTY;
    let first = NOTHING;
    for (const item of items) {
      first = union(first, item.first);
      if (!item.nullable) break;
    }
    const literals = items.map((i) => i.literal);
    return {
      first,
      nullable: items.every((i) => i.nullable),
      varies: items.some((i) => i.varies),
      ambiguous: items.some((i) => i.ambiguous),
      literal: literals.every((l) => l !== null) ? literals.join('') : null,
    };
  }

  private quantified(): Shape {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (q.max > 1 && atom.varies) {
      throw new UnsafePattern('nested-quantifier', 'A repeated group contains another repetition, like (a+)+; this can take forever on some messages.');
    }
    if (q.max > 1 && atom.ambiguous) {
      throw new UnsafePattern(
        'overlapping-alternation',
        'A repeated group has alternatives that can match the same text, like (a|ab)+; this can take forever on some messages.',
      );
    }
    return {
      first: atom.first,
      nullable: atom.nullable || q.min === 0,
      varies: atom.varies || q.min !== q.max,
      ambiguous: atom.ambiguous,
      literal: q.min === q.max && atom.literal !== null ? atom.literal.repeat(q.min) : null,
    };
  }

  private quantifier(): { min: number; max: number } | null {
    const ch = this.peek();
    let q: { min: number; max: number } | null = null;
    if (ch === '*') q = { min: 0, max: Infinity };
    else if (ch === '+') q = { min: 1, max: Infinity };
    else if (ch === '?') q = { min: 0, max: 1 };
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) return null;
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
      this.at += m[0].length - 1;
    }
    if (!q) return null;
    this.at++;
    if (this.peek() === '?') this.at++;
    return q;
  }

  private atom(): Shape {
    const ch = this.src[this.at++];
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape(false);
    if (ch === '.') return charSet(ANY);
    if (ch === '^' || ch === '$') return EMPTY;
    return literal(ch);
  }

  private group(): Shape {
    let lookahead = false;
    if (this.peek() === '?') {
      const kind = this.peek(1);
      if (kind === ':') this.at += 2;
      else if (kind === '=' || kind === '!') {
        this.at += 2;
        lookahead = true;
      } else throw new UnsafePattern('unsupported-pattern', 'Lookbehind and named groups are not supported here.');
    }
    const inner = this.alternation();
    this.at++; // ')'
    if (lookahead) return { ...EMPTY, varies: inner.varies, ambiguous: inner.ambiguous };
    return inner;
  }

  private charClass(): Shape {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    let set = NOTHING;
    let previous: number | null = null;
    while (this.at < this.src.length && this.peek() !== ']') {
      if (this.peek() === '-' && previous !== null && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.at++;
        const end = this.classMember();
        set = union(set, end.code === null ? end.set : rangeSet(Math.min(previous, end.code), Math.max(previous, end.code)));
        previous = null;
        continue;
      }
      const member = this.classMember();
      set = union(set, member.set);
      previous = member.code;
    }
    this.at++; // ']'
    return charSet(negated ? complement(withCase(set)) : set);
  }

  /** One class member: a single character (which may start a range) or a class escape like \d. */
  private classMember(): { code: number | null; set: CharSet } {
    const ch = this.src[this.at++];
    if (ch !== '\\') return { code: charCode(ch), set: codeSet(charCode(ch)) };
    const shape = this.escape(true);
    return { code: shape.literal !== null && shape.literal.length === 1 ? charCode(shape.literal) : null, set: shape.first };
  }

  private escape(inClass: boolean): Shape {
    const ch = this.src[this.at++] ?? '';
    const known = CLASS_ESCAPES.get(ch);
    if (known) return charSet(known);
    const control = CONTROL_ESCAPES.get(ch);
    if (control !== undefined) return literal(control);
    if (ch === 'b') return inClass ? literal('\b') : EMPTY;
    if (ch === 'B') return EMPTY;
    if (ch === 'k' || ch === 'p' || ch === 'P') {
      throw new UnsafePattern('unsupported-pattern', 'Named references and Unicode properties are not supported here.');
    }
    if (ch >= '1' && ch <= '9' && !inClass) throw new UnsafePattern('unsupported-pattern', 'Back-references like \\1 are not supported here.');
    if (ch === 'c') {
      this.at++;
      return charSet(rangeSet(0, 31));
    }
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = this.src.slice(this.at, this.at + digits);
      if (hex.length !== digits || !/^[0-9a-f]+$/i.test(hex)) return literal(ch);
      this.at += hex.length;
      return literal(String.fromCharCode(parseInt(hex, 16)));
    }
    return literal(ch);
  }
}

/** Whether two alternatives could match the same start, like (a|ab) or (\w|\d); an empty one overlaps everything. */
function overlaps(alternatives: Shape[]): boolean {
  for (let i = 0; i < alternatives.length; i++) {
    const a = alternatives[i];
    if (a.nullable) return true;
    for (let j = i + 1; j < alternatives.length; j++) {
      const b = alternatives[j];
      // Two literals only overlap when one starts the other; anything else is judged by its first characters.
      const [x, y] = [a.literal?.toLowerCase() ?? null, b.literal?.toLowerCase() ?? null];
      if (x !== null && y !== null ? x.startsWith(y) || y.startsWith(x) : intersects(a.first, b.first)) return true;
    }
  }
  return false;
}

// Only a quantified group can backtrack catastrophically, and only these tokens are unsupported; a pattern
// with neither needs no parse, which keeps the decision-time re-check cheap for typical patterns.
const NEEDS_READING = /\)[*+{]|\(\?<|\\[1-9kpP]/;

export type CompiledPattern = { ok: true; regex: RegExp } | { ok: false; code: PatternProblem; message: string };

/** Compiles a rule's pattern (case-insensitive) once it is known to be short, valid and safe to run. */
export function compilePattern(pattern: string): CompiledPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, code: 'pattern-too-long', message: `Keep patterns under ${MAX_PATTERN_LENGTH} characters.` };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'i');
  } catch {
    return { ok: false, code: 'invalid-pattern', message: 'This is not a valid regular expression.' };
  }
  if (!NEEDS_READING.test(pattern)) return { ok: true, regex };
  try {
    new PatternReader(pattern).read();
    return { ok: true, regex };
  } catch (problem) {
    if (problem instanceof UnsafePattern) return { ok: false, code: problem.code, message: problem.message };
    // The engine accepted it but this reader did not follow it: refuse rather than run something unvetted.
    return { ok: false, code: 'unsupported-pattern', message: 'This pattern uses syntax that cannot be checked for safety.' };
  }
}

/** Whether a rule's pattern compiles, is short enough and cannot backtrack catastrophically. */
export function checkPattern(pattern: string): PatternCheck {
  const compiled = compilePattern(pattern);
  return compiled.ok ? { ok: true } : compiled;
}
